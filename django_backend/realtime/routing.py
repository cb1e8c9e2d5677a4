from django.urls import path

from realtime.consumers import OrganizationTasksConsumer, TaskConsumer

websocket_urlpatterns = [
    path("ws/tasks/", OrganizationTasksConsumer.as_asgi()),
    path("ws/tasks/<str:task_id>/", TaskConsumer.as_asgi()),
]
