"""What the pipeline announces to the apps above it (notifications emails the candidate), as Django signals: this
app does not import them. Sent inside the transaction that makes the change; receivers that email defer to commit.
"""

from django.dispatch import Signal

# A move the candidate may hear of: `change` (StageChange), sent unless the caller tells the candidate itself.
stage_changed = Signal()
# A finished AI screening: `analysis` (ApplicationAnalysis).
analysis_ready = Signal()
