"""Messages on an application: `GET/POST /api/applications/<pk>/messages/`, `POST .../messages/read/`, and the
caller's unread counts, `GET /api/messages/unread/`.

Recruiters of the application's organization and the application's own candidate (Candidate.account) take part;
any other application reads as missing (404), and users who take part in no conversation are refused (403).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from messaging.models import Message
from messaging.selectors import ChatAccess, chat_access, may_message, thread, unread_by_application, unread_counts
from messaging.services import MAX_MESSAGE_CHARS, message_payload, message_send, messages_mark_read


class TakesPartInConversations(BasePermission):
    message = "Messages are for the recruiters of an organization and for candidates with an account."

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and may_message(request.user))


class MessageInput(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_MESSAGE_CHARS)


class MessageOutput(serializers.ModelSerializer):
    class Meta:
        model = Message
        fields = ["id", "application", "sender", "sender_side", "body", "created_at", "read_at"]


class UnreadCountsOutput(serializers.Serializer):
    recruiter = serializers.IntegerField()
    candidate = serializers.IntegerField()


class MarkReadOutput(serializers.Serializer):
    marked = serializers.IntegerField()
    unread = UnreadCountsOutput()


class UnreadOfApplication(serializers.Serializer):
    application = serializers.IntegerField()
    unread = serializers.IntegerField()


class UnreadOutput(serializers.Serializer):
    results = UnreadOfApplication(many=True)
    total = serializers.IntegerField()


class _OfOneConversation:
    request: Any
    kwargs: dict[str, Any]

    def conversation(self) -> ChatAccess:
        access = chat_access(user=self.request.user, application_id=self.kwargs["pk"])
        if access.side is None:
            raise Http404("No such application.")
        return access


class ApplicationMessages(_OfOneConversation, generics.ListCreateAPIView):
    """The conversation on an application, oldest first; POST `{"body"}` sends a message to the other side."""

    permission_classes = [TakesPartInConversations]
    serializer_class = MessageOutput

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request user
            return Message.objects.none()
        application = self.conversation().application
        assert application is not None
        return thread(application=application)

    @extend_schema(request=MessageInput, responses={201: MessageOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access = self.conversation()
        assert access.application is not None and access.side is not None
        payload = MessageInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            message = message_send(
                application=access.application,
                sender=request.user,  # type: ignore[arg-type]
                side=access.side,
                body=payload.validated_data["body"],
            )
        except ModelValidationError as error:
            raise ValidationError({"body": error.messages}) from error
        return Response(message_payload(message), status=status.HTTP_201_CREATED)


class ApplicationMessagesRead(_OfOneConversation, APIView):
    """Mark the other side's messages read; answers how many, and what each side has left unread."""

    permission_classes = [TakesPartInConversations]

    @extend_schema(request=None, responses=MarkReadOutput)
    def post(self, request: Request, pk: int) -> Response:
        access = self.conversation()
        assert access.application is not None and access.side is not None
        marked = messages_mark_read(application=access.application, side=access.side)
        return Response({"marked": marked, "unread": unread_counts(application=access.application)})


class MessagesUnread(APIView):
    """The caller's applications with unread messages from the other side, and how many each."""

    permission_classes = [TakesPartInConversations]

    @extend_schema(responses=UnreadOutput)
    def get(self, request: Request) -> Response:
        results = unread_by_application(user=request.user)
        return Response({"results": results, "total": sum(row["unread"] for row in results)})
