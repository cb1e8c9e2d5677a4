"""Queueing the AI analysis of an application again, on a recruiter's request. Apart from applications.services
because the task that runs the analysis (applications.tasks) imports those services."""

from __future__ import annotations

from django.db import transaction

from accounts.models import User
from applications.models import Application
from applications.tasks import analyze_application_task
from audit.services import audit_record
from realtime.models import TaskRecord
from realtime.services import task_enqueue


def application_analysis_rerun(*, application: Application, by: User | None) -> TaskRecord:
    """Queue the AI analysis of `application` again (published after commit) and audit who asked.

    The application reads as pending until the run ends; its earlier runs stay as history. The caller checks that
    `by` may change the application.
    """
    organization = application.job.organization
    with transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            analysis_status=Application.AnalysisStatus.PENDING, analysis_error=""
        )
        task = task_enqueue(
            analyze_application_task,
            kind=TaskRecord.Kind.ANALYZE_APPLICATION,
            target=application,
            organization=organization,
            args=(application.pk,),
        )
        audit_record(
            action="application.analysis_requested",
            organization=organization,
            actor=by,
            target=application,
            task_id=task.task_id,
        )
    return task
