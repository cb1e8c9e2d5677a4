"""The WebSocket routes of the whole project, as config.urls is for HTTP: each app's consumers, in one list."""

from django.urls import path, re_path

from messaging.consumers import ChatConsumer
from realtime.consumers import OrganizationTasksConsumer, TaskConsumer, UnknownPathConsumer

websocket_urlpatterns = [
    path("ws/tasks/", OrganizationTasksConsumer.as_asgi()),
    path("ws/tasks/<str:task_id>/", TaskConsumer.as_asgi()),
    path("ws/chat/<int:application_id>/", ChatConsumer.as_asgi()),
    re_path(r"", UnknownPathConsumer.as_asgi()),  # last: every path the routes above do not take
]
