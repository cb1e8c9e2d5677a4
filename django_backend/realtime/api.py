from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers

from accounts.permissions import IsOrganizationMember, request_organization
from realtime.models import TaskRecord
from realtime.selectors import task_list_for_organization


class TaskRecordOutput(serializers.ModelSerializer):
    target = serializers.SerializerMethodField()

    class Meta:
        model = TaskRecord
        fields = [
            "task_id",
            "kind",
            "state",
            "progress",
            "message",
            "error",
            "attempts",
            "target",
            "created_at",
            "started_at",
            "finished_at",
            "updated_at",
        ]

    def get_target(self, record: TaskRecord) -> dict[str, Any]:
        return {"type": record.target_label(), "id": record.target_id}


class TaskRecordList(generics.ListAPIView):
    """The organization's tasks, newest first: how clients re-sync after a WebSocket reconnect."""

    permission_classes = [IsOrganizationMember]
    serializer_class = TaskRecordOutput

    def get_queryset(self) -> Any:
        queryset = task_list_for_organization(organization=request_organization(self.request))
        state = self.request.query_params.get("state")
        return queryset.filter(state=state) if state else queryset


class TaskRecordDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = TaskRecordOutput
    lookup_field = "task_id"

    def get_queryset(self) -> Any:
        return task_list_for_organization(organization=request_organization(self.request))
