"""What an import did, counted as it goes and printed at the end (the same for a dry run)."""

from collections import Counter

OUTCOMES = ("created", "updated", "unchanged")
PLURALS = {"category": "categories"}


class Report:
    def __init__(self):
        self.counts = Counter()  # (kind, outcome) -> n
        self.skipped = []  # (what, reason)
        self.attention = []  # sentences for a person to act on

    def count(self, kind, outcome, n=1):
        self.counts[kind, outcome] += n

    def skip(self, what, reason):
        self.skipped.append((what, reason))

    def warn(self, message):
        self.attention.append(message)

    def lines(self):
        kinds = sorted({kind for kind, _outcome in self.counts})
        yield "Import report"
        for kind in kinds:
            figures = ", ".join(f"{self.counts[kind, outcome]} {outcome}" for outcome in OUTCOMES)
            label = PLURALS.get(kind, kind + "s") + ":"
            yield f"  {label:<12} {figures}"
        yield f"  Skipped: {len(self.skipped)}"
        for what, reason in self.skipped:
            yield f"    - {what}: {reason}"
        yield f"  Needs attention: {len(self.attention)}"
        for message in self.attention:
            yield f"    - {message}"
