"""A synthetic cohort shared by the benchmark scripts.

The rubric has two agency groups (``provincial``: Sở, ban, ngành and
``district``: UBND huyện) that share one balanced tree: the root ``total``,
``indices`` main indices (chỉ số chính), ``criteria`` criteria (tiêu chí) under
each, and ``leaves`` scored sub-criteria (tiêu chí thành phần) spread over the
criteria. Every leaf of one group has the same depth, so peers that need a
level-by-level structure can use the same tree. Leaf maxima are drawn from
0.50-3.00 points with two decimals; bands sit at 85 %, 70 % and 50 % of the
total maximum (rounded down to two decimals).

Every agency has a score on every leaf, drawn from a coarse grid (a tenth of
the maximum, rounded down to the rubric's decimals) by a seeded generator, so
runs are repeatable and many agencies tie exactly on every node, while the
decimals (0.1, 0.37, ...) have no exact binary float form.

Scores are kept as scaled integers (points × 10**decimals); the helpers write
them as a govindex rubric YAML, a wide CSV score table
(``agency,group,<leaf id>...``), govindex assessments, or a pandas frame of
floats.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from govindex import Assessment

GROUPS = (("provincial", "Sở, ban, ngành"), ("district", "UBND huyện, thành phố"))
DECIMALS = 2
BAND_SHARES = (("tot", "Tốt", 85), ("kha", "Khá", 70), ("trung-binh", "Trung bình", 50), ("yeu", "Yếu", 0))


@dataclass(frozen=True)
class TreeNode:
    """One node of the shared tree: its id, parent (None for the root), depth and scaled maximum."""

    id: str
    name: str
    parent: str | None
    depth: int
    maximum: int
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cohort:
    """A rubric tree, band bounds and a table of scaled leaf scores, one row per agency."""

    nodes: tuple[TreeNode, ...]  # depth-first order, the root first
    bands: tuple[tuple[str, str, int], ...]  # (id, label, scaled lower bound), best first
    agencies: tuple[str, ...]
    groups: tuple[str, ...]  # the group of each agency
    scores: tuple[tuple[int, ...], ...]  # scaled leaf scores, one row per agency, leaves in depth-first order
    decimals: int = DECIMALS
    #: the district group's tree when it differs from the provincial one (same leaves, grouped otherwise)
    district_nodes: tuple[TreeNode, ...] | None = None
    _by_id: dict[str, TreeNode] = field(default_factory=dict, compare=False, repr=False)
    _district_by_id: dict[str, TreeNode] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((node.id, node) for node in self.nodes)
        self._district_by_id.update((node.id, node) for node in self.district_nodes or self.nodes)

    def tree_of(self, group: str) -> tuple[TreeNode, ...]:
        """The nodes of a group's tree, depth-first (the root first)."""
        if group == "district" and self.district_nodes is not None:
            return self.district_nodes
        return self.nodes

    def _lookup(self, group: str) -> dict[str, TreeNode]:
        return self._district_by_id if group == "district" else self._by_id

    @property
    def root(self) -> TreeNode:
        return self.nodes[0]

    @property
    def leaves(self) -> tuple[TreeNode, ...]:
        return tuple(node for node in self.nodes if not node.children)

    @property
    def internal(self) -> tuple[TreeNode, ...]:
        return tuple(node for node in self.nodes if node.children)

    @property
    def main_indices(self) -> tuple[TreeNode, ...]:
        return tuple(self._by_id[child] for child in self.root.children)

    def node(self, node_id: str) -> TreeNode:
        return self._by_id[node_id]

    def bottom_up(self, group: str = "provincial") -> Iterator[TreeNode]:
        """Internal nodes of a group's tree, deepest first: each node's children come before it."""
        internal = [node for node in self.tree_of(group) if node.children]
        return iter(sorted(internal, key=lambda node: -node.depth))

    def text(self, scaled: int) -> str:
        """A scaled value as its decimal text, e.g. 137 -> '1.37'."""
        if self.decimals == 0:
            return str(scaled)
        unit = 10**self.decimals
        return f"{scaled // unit}.{scaled % unit:0{self.decimals}d}"

    # -- exact reference (plain integers), to check the figures against ---------------------------

    def exact_sums(self) -> list[dict[str, int]]:
        """Every node's exact scaled score for every agency (a naive integer reference)."""
        leaf_ids = [leaf.id for leaf in self.leaves]
        out: list[dict[str, int]] = []
        order = {group: list(self.bottom_up(group)) for group, _ in GROUPS}
        for row, group in zip(self.scores, self.groups, strict=True):
            values = dict(zip(leaf_ids, row, strict=True))
            for node in order[group]:
                values[node.id] = sum(values[child] for child in node.children)
            out.append(values)
        return out

    def exact_dense_ranks(self, sums: list[dict[str, int]], node_id: str) -> list[int]:
        """The dense rank (higher first) of every agency on ``node_id`` within its group, exactly (0: no such node)."""
        ranks = [0] * len(self.agencies)
        for group, _ in GROUPS:
            members = [i for i, g in enumerate(self.groups) if g == group and node_id in sums[i]]
            distinct = sorted({sums[i][node_id] for i in members}, reverse=True)
            place = {value: position for position, value in enumerate(distinct, start=1)}
            for i in members:
                ranks[i] = place[sums[i][node_id]]
        return ranks

    def exact_band(self, total: int) -> str:
        for band_id, _, lower in self.bands:
            if total >= lower:
                return band_id
        raise AssertionError("the lowest band starts at 0")

    # -- the forms each contender reads -----------------------------------------------------------

    def rubric_yaml(self) -> str:
        lines = [
            "id: synthetic-benchmark",
            "title: Bộ chỉ số tổng hợp (synthetic benchmark)",
            "year: 2024",
            "legal_basis: {decision: 0/QĐ-TEST, date: 2024-01-01, issuer: test}",
            f"decimals: {self.decimals}",
            "tie_policy: dense",
            "bands:",
        ]
        upper: str | None = None
        for band_id, label, lower in self.bands:
            bound = f", upper: {upper}" if upper is not None else ""
            lines.append(f"  - {{id: {band_id}, label: {label}, lower: {self.text(lower)}{bound}}}")
            upper = self.text(lower)
        lines.append("groups:")
        for group, name in GROUPS:
            lines += [f"  - id: {group}", f"    name: {name}", "    tree:"]
            lines += self._node_yaml(self.tree_of(group)[0], "      ", self._lookup(group))
        return "\n".join(lines) + "\n"

    def _node_yaml(self, node: TreeNode, indent: str, by_id: dict[str, TreeNode] | None = None) -> list[str]:
        by_id = by_id if by_id is not None else self._by_id
        lines = [
            f"{indent}id: {node.id}",
            f"{indent}name: {node.name}",
            f"{indent}max_points: {self.text(node.maximum)}",
        ]
        if node.children:
            lines.append(f"{indent}children:")
            for child in node.children:
                body = self._node_yaml(by_id[child], indent + "    ", by_id)
                lines.append(f"{indent}  - {body[0].lstrip()}")
                lines += body[1:]
        return lines

    def csv_text(self) -> str:
        header = ["agency", "group", *(leaf.id for leaf in self.leaves)]
        text = self.text
        rows = [
            ",".join((agency, group, *map(text, row)))
            for agency, group, row in zip(self.agencies, self.groups, self.scores, strict=True)
        ]
        return "\n".join([",".join(header), *rows]) + "\n"

    def write(self, directory: Path) -> tuple[Path, Path]:
        """Write ``rubric.yaml`` and ``scores.csv`` into ``directory``."""
        rubric = directory / "rubric.yaml"
        scores = directory / "scores.csv"
        rubric.write_text(self.rubric_yaml(), encoding="utf-8")
        scores.write_text(self.csv_text(), encoding="utf-8")
        return rubric, scores

    def assessments(self) -> list[Assessment]:
        """The cohort as govindex assessments of exact Decimal points."""
        from decimal import Decimal

        from govindex import Agency, Assessment

        leaf_ids = [leaf.id for leaf in self.leaves]
        cache: dict[int, Decimal] = {}

        def points(scaled: int) -> Decimal:
            value = cache.get(scaled)
            if value is None:
                value = cache[scaled] = Decimal(self.text(scaled))
            return value

        return [
            Assessment(Agency(agency, f"Cơ quan {agency}", group), dict(zip(leaf_ids, map(points, row), strict=True)))
            for agency, group, row in zip(self.agencies, self.groups, self.scores, strict=True)
        ]

    def frame(self) -> pd.DataFrame:
        """The cohort as a pandas frame: ``agency``, ``group`` and one float column per leaf."""
        import pandas as pd

        unit = 10**self.decimals
        data: dict[str, Any] = {"agency": list(self.agencies), "group": list(self.groups)}
        for column, leaf in enumerate(self.leaves):
            data[leaf.id] = [row[column] / unit for row in self.scores]
        return pd.DataFrame(data)

    def structure(self) -> dict[str, Any]:
        """The tree and bands as plain data, for a peer process."""
        return {
            "decimals": self.decimals,
            "nodes": [
                {"id": n.id, "parent": n.parent, "depth": n.depth, "children": list(n.children)} for n in self.nodes
            ],
            "bands": [{"id": band_id, "lower": self.text(lower)} for band_id, _, lower in self.bands],
        }


def build(
    agencies: int,
    leaves: int,
    *,
    indices: int = 10,
    criteria: int = 2,
    seed: int = 2017,
    grid: int = 10,
    differ: bool = False,
) -> Cohort:
    """A cohort of ``agencies`` agencies on a tree of ``leaves`` leaves under ``indices`` main indices.

    Leaves are spread as evenly as possible over ``indices × criteria``
    criteria (each criterion gets at least one leaf, so ``leaves`` must be
    at least that product). Agencies alternate between the two groups. With
    ``differ``, the district group's tree differs from the provincial one:
    the same leaves, grouped into other criteria and main indices (each
    main index ``i`` takes the first criterion of index ``i`` and the second
    of index ``i + 1``), so every internal node has another maximum.
    """
    slots = indices * criteria
    if agencies < 1 or leaves < slots:
        raise ValueError(f"need at least 1 agency and {slots} leaves ({indices} indices × {criteria} criteria)")
    rng = random.Random(seed)
    per = [leaves // slots + (1 if i < leaves % slots else 0) for i in range(slots)]
    width = len(str(indices))
    nodes: list[TreeNode] = []
    index_nodes: list[int] = []
    position = 0
    root_children: list[str] = []
    for i in range(indices):
        index_id = f"m{i + 1:0{width}d}"
        root_children.append(index_id)
        index_at = len(nodes)
        index_nodes.append(index_at)
        nodes.append(TreeNode(index_id, f"Chỉ số {i + 1}", "total", 1, 0))
        crit_ids: list[str] = []
        for c in range(criteria):
            crit_id = f"{index_id}_c{c + 1}"
            crit_ids.append(crit_id)
            crit_at = len(nodes)
            nodes.append(TreeNode(crit_id, f"Tiêu chí {i + 1}.{c + 1}", index_id, 2, 0))
            leaf_ids: list[str] = []
            total = 0
            for s in range(per[position]):
                maximum = rng.randint(50, 300)
                total += maximum
                leaf_id = f"{crit_id}_s{s + 1:02d}"
                leaf_ids.append(leaf_id)
                nodes.append(TreeNode(leaf_id, f"Tiêu chí thành phần {i + 1}.{c + 1}.{s + 1}", crit_id, 3, maximum))
            position += 1
            nodes[crit_at] = TreeNode(crit_id, nodes[crit_at].name, index_id, 2, total, tuple(leaf_ids))
        index_total = sum(n.maximum for n in nodes if n.parent in crit_ids and not n.children)
        nodes[index_at] = TreeNode(index_id, nodes[index_at].name, "total", 1, index_total, tuple(crit_ids))
    grand = sum(nodes[at].maximum for at in index_nodes)
    ordered = [TreeNode("total", "Tổng điểm", None, 0, grand, tuple(root_children)), *nodes]
    bands = tuple((band_id, label, grand * share // 100) for band_id, label, share in BAND_SHARES)

    leaf_max = [node.maximum for node in ordered if not node.children]
    names: list[str] = []
    groups: list[str] = []
    rows: list[tuple[int, ...]] = []
    for number in range(agencies):
        names.append(f"agency-{number:06d}")
        groups.append(GROUPS[number % len(GROUPS)][0])
        rows.append(tuple(rng.randint(0, grid) * maximum // grid for maximum in leaf_max))
    district = _regrouped(ordered, indices, criteria) if differ else None
    return Cohort(tuple(ordered), bands, tuple(names), tuple(groups), tuple(rows), district_nodes=district)


def _regrouped(nodes: list[TreeNode], indices: int, criteria: int) -> tuple[TreeNode, ...]:
    """The same leaves under other parents: main index ``i`` holds criterion 1 of ``i`` and the rest of ``i + 1``."""
    by_id = {node.id: node for node in nodes}
    root = nodes[0]
    mains = list(root.children)
    out: list[TreeNode] = []
    new_mains: list[str] = []
    for i, main in enumerate(mains):
        taken = [by_id[main].children[0], *by_id[mains[(i + 1) % len(mains)]].children[1:criteria]]
        main_id = f"{main}_d"
        new_mains.append(main_id)
        kids: list[TreeNode] = []
        for crit in taken:
            old = by_id[crit]
            crit_id = f"{crit}_d"
            leaves = [TreeNode(leaf, by_id[leaf].name, crit_id, 3, by_id[leaf].maximum) for leaf in old.children]
            kids.append(TreeNode(crit_id, old.name, main_id, 2, old.maximum, tuple(leaf.id for leaf in leaves)))
            kids.extend(leaves)
        total = sum(kid.maximum for kid in kids if kid.depth == 2)
        out.append(TreeNode(main_id, by_id[main].name, root.id, 1, total, tuple(k.id for k in kids if k.depth == 2)))
        out.extend(kids)
    return (TreeNode(root.id, root.name, None, 0, root.maximum, tuple(new_mains)), *out)
