# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Turn pairs of look-alike customers into groups to merge. Pure Python."""


def connected_groups(pairs):
    """Union-find over (id, id) pairs: the sorted lists of ids linked together.

    A-B by phone and B-C by name make one group A, B, C: merging them one pair
    at a time would ask the user three times about the same company.
    """
    parent = {}

    def find(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        root_left, root_right = find(left), find(right)
        if root_left != root_right:
            parent[max(root_left, root_right)] = min(root_left, root_right)
    groups = {}
    for node in parent:
        groups.setdefault(find(node), []).append(node)
    return [sorted(ids) for ids in groups.values()]
