"""Dutch text analysis: tokenizer → filters → terms, with character offsets kept."""

from searchkit.analysis.analyzer import ANALYZER_VERSION, analyze, dutch_analyzer, name_analyzer

__all__ = ["ANALYZER_VERSION", "analyze", "dutch_analyzer", "name_analyzer"]
