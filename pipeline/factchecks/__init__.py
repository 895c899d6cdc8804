"""Fact-checks: reading ClaimReview (`claimreview`), matching claims against them (`matching`), publishing
verdicts as ClaimReview (`export`)."""
from .matching import Matcher

__all__ = ["Matcher"]
