"""The pipeline's REST endpoints beside the application itself: bulk moves, stage history and notes.

Every route reads applications through the organization-scoped selector, so another organization's id answers
404 (or `not_found` in a bulk result) exactly like one that does not exist.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from applications.models import Application, ApplicationNote, StageChange
from applications.pipeline import Stage
from applications.selectors import application_list_for_organization, application_notes, stage_history
from applications.services import MAX_TEXT, application_note_add, bulk_move_to_stage

MAX_BULK_IDS = 500  # one request, one page of a list at most; larger moves are split by the client


class BulkMoveInput(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=MAX_BULK_IDS, allow_empty=False
    )
    stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)


class BulkOutcomeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["moved", "not_allowed", "not_found"])
    stage = serializers.CharField()
    code = serializers.CharField()
    detail = serializers.CharField()


class BulkMoveOutput(serializers.Serializer):
    results = BulkOutcomeOutput(many=True)


class StageChangeOutput(serializers.ModelSerializer):
    class Meta:
        model = StageChange
        fields = ["id", "from_stage", "to_stage", "changed_by", "changed_at", "reason", "note"]


class NoteInput(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_TEXT)


class NoteOutput(serializers.ModelSerializer):
    class Meta:
        model = ApplicationNote
        fields = ["id", "author", "text", "created_at"]


class ApplicationBulkMove(generics.GenericAPIView):
    """Move many applications to one stage; each id answers for itself (moved, not_allowed with why, not_found)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = BulkMoveInput

    @extend_schema(request=BulkMoveInput, responses=BulkMoveOutput)
    def post(self, request: Request) -> Response:
        payload = BulkMoveInput(data=request.data)
        payload.is_valid(raise_exception=True)
        outcomes = bulk_move_to_stage(
            applications=Application.objects.filter(job__organization=request_organization(request)),
            ids=payload.validated_data["ids"],
            stage=payload.validated_data["stage"],
            reason=payload.validated_data["reason"],
            by=request_user(request),
        )
        return Response({"results": [asdict(outcome) for outcome in outcomes]})


class _OfOneApplication:
    """Views under /api/applications/<pk>/: the application, looked up in the user's organization only."""

    request: Any
    kwargs: dict[str, Any]

    def application(self) -> Application:
        scoped = application_list_for_organization(organization=request_organization(self.request))
        return get_object_or_404(scoped.select_related("job"), pk=self.kwargs["pk"])


class ApplicationHistory(_OfOneApplication, generics.ListAPIView):
    """Every stage the application went through, oldest first."""

    permission_classes = [IsOrganizationMember]
    serializer_class = StageChangeOutput

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request user
            return StageChange.objects.none()
        return stage_history(application=self.application())


class ApplicationNotes(_OfOneApplication, generics.ListCreateAPIView):
    """The recruiters' notes on an application, oldest first; POST `{"text"}` adds one."""

    permission_classes = [IsOrganizationMember]
    serializer_class = NoteOutput

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return ApplicationNote.objects.none()
        return application_notes(application=self.application())

    @extend_schema(request=NoteInput, responses={201: NoteOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        application = self.application()
        payload = NoteInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            note = application_note_add(
                application=application, author=request_user(request), text=payload.validated_data["text"]
            )
        except ModelValidationError as error:
            raise ValidationError({"text": error.messages}) from error
        return Response(NoteOutput(note).data, status=status.HTTP_201_CREATED)
