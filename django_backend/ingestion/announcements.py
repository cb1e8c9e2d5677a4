"""What an import announces to the apps above it (notifications emails whoever started it), as a Django signal:
this app does not import them."""

from django.dispatch import Signal

# A batch's progress was counted: `batch` (ImportBatch), finished or not; receivers check its state.
import_progressed = Signal()
