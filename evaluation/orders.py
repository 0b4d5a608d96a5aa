"""Does the engine's result depend on the order articles are imported in?

The same files are imported in several orders (shuffled with fixed seeds), each
order into an empty database, and what the engine stored is compared with the
first order's: the groups (each a set of claims, a claim named by its article's
origin and its span, never by a database id), each group's suggested status,
and the copy relations with their direction. Comparing is pure Python on
``OrderState`` values, so it is tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A claim as the same in every order: (article origin, start, end).
ClaimSpan = tuple[str, int, int]
Group = frozenset[ClaimSpan]

__all__ = ["ClaimSpan", "Group", "OrderDifference", "OrderState", "compare_states"]


@dataclass(frozen=True)
class OrderState:
    """What one order of import left: groups with their suggestion, copy relations."""

    # Each group's suggested status and reason.
    groups: dict[Group, tuple[str, str]]
    # (original origin, copy origin).
    relations: frozenset[tuple[str, str]]


@dataclass
class OrderDifference:
    """How one order's state differs from the reference order's."""

    groups: int
    groups_differing: int
    statuses_differing: int
    relations_differing: int
    examples: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not (self.groups_differing or self.statuses_differing or self.relations_differing)

    def line(self) -> str:
        return (
            f"{self.groups_differing} of {self.groups} groups differ, "
            f"{self.statuses_differing} shared groups with another suggestion or reason, "
            f"{self.relations_differing} copy relations differ"
        )


def _show(group: Group, limit: int = 3) -> str:
    spans = sorted(group)
    shown = ", ".join(f"{origin.rsplit('/', 1)[-1]}@{start}" for origin, start, _ in spans[:limit])
    return "{" + shown + (", …" if len(spans) > limit else "") + "}"


def compare_states(
    reference: OrderState, other: OrderState, *, examples: int = 5
) -> OrderDifference:
    """Groups of ``reference`` not found whole in ``other``, suggestions and relations that differ."""
    missing = [g for g in reference.groups if g not in other.groups]
    shared = [g for g in reference.groups if g in other.groups]
    statuses = [g for g in shared if reference.groups[g] != other.groups[g]]
    extra = [g for g in other.groups if g not in reference.groups]
    difference = OrderDifference(
        groups=len(reference.groups),
        groups_differing=len(missing),
        statuses_differing=len(statuses),
        relations_differing=len(reference.relations ^ other.relations),
    )
    for group in sorted(missing, key=sorted)[:examples]:
        difference.examples.append(f"only in the first order: {_show(group)}")
    for group in sorted(extra, key=sorted)[:examples]:
        difference.examples.append(f"only in this order: {_show(group)}")
    for group in sorted(statuses, key=sorted)[:examples]:
        difference.examples.append(
            f"suggested {reference.groups[group][0]} / {other.groups[group][0]}: {_show(group)}"
        )
    return difference
