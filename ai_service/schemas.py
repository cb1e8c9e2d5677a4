"""Request and response bodies of the AI service: the screening contract of recruitment_core, which the
platform's workers validate against too."""

from recruitment_core.screening_contract import (
    AnalyzeRequest,
    AnalyzeResponse,
    ErrorResponse,
    QuotedClaim,
    ScreeningResult,
    analyze_request_model,
)

__all__ = [
    "AnalyzeRequest",
    "AnalyzeResponse",
    "ErrorResponse",
    "QuotedClaim",
    "ScreeningResult",
    "analyze_request_model",
]
