"""The emails the apps below this one announce with their signals (applications.announcements,
ingestion.announcements); connected when the apps load (notifications.apps)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from applications.announcements import analysis_ready, stage_changed
from applications.models import ApplicationAnalysis, StageChange
from ingestion.announcements import import_progressed
from ingestion.models import ImportBatch
from notifications.events import analysis_ready_notify, import_finished_notify, stage_change_notify


@receiver(stage_changed)
def email_stage_change(sender: Any, change: StageChange, **_: Any) -> None:
    stage_change_notify(change)


@receiver(analysis_ready)
def email_analysis_ready(sender: Any, analysis: ApplicationAnalysis, **_: Any) -> None:
    analysis_ready_notify(analysis)


@receiver(import_progressed)
def email_import_finished(sender: Any, batch: ImportBatch, **_: Any) -> None:
    import_finished_notify(batch)
