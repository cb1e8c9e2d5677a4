"""What a job posting announces to the apps above it (matching re-ranks), as a Django signal: this app does not
import them."""

from django.dispatch import Signal

# A posting's requirements were edited while its text stayed the same: `job` (JobPosting). Sent inside the
# transaction that saves it; a new text is re-embedded (and then re-ranked) through the post_save signal instead.
requirements_edited = Signal()
