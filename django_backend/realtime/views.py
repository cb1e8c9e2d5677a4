from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@staff_member_required
def task_monitor_page(request: HttpRequest) -> HttpResponse:
    """A small page that follows one task (or all of the organization's) over WebSocket."""
    return render(request, "realtime/task_monitor.html", {"task_id": request.GET.get("task_id", "")})
