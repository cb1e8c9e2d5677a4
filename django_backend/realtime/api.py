from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization
from realtime.models import TaskRecord
from realtime.selectors import task_list_for_organization
from realtime.tickets import ws_ticket_issue


class TaskRecordOutput(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True, help_text="The kind as its task declares it for people.")
    target = serializers.SerializerMethodField()

    class Meta:
        model = TaskRecord
        fields = [
            "task_id",
            "kind",
            "kind_label",
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


class WebSocketTicketOutput(serializers.Serializer):
    ticket = serializers.CharField(help_text="Connect with `?ticket=<ticket>`; valid once.")
    expires_in = serializers.IntegerField(help_text="Seconds the ticket stays valid.")


class WebSocketTicketCreate(APIView):
    """A single-use, short-lived ticket for one WebSocket connection (`ws/tasks/?ticket=...`), so that no API
    token is ever put in a URL."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={201: WebSocketTicketOutput})
    def post(self, request: Request) -> Response:
        ticket = ws_ticket_issue(user=request.user)  # type: ignore[arg-type]  # IsAuthenticated: not anonymous
        body = {"ticket": ticket, "expires_in": settings.WS_TICKET_TTL_SECONDS}
        return Response(WebSocketTicketOutput(body).data, status=201)
