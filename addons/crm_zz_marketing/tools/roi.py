# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Return on a campaign's spending, measured on money received.

ROI = (paid revenue - cost) / cost. Without any cost recorded the ROI is undefined
(None), not infinite and not zero; the same for cost per lead without leads and for
a conversion rate without anything to convert.
"""


def ratio(part, whole):
    """part / whole, or None when whole is zero."""
    if not whole:
        return None
    return part / whole


def roi(paid_revenue, cost):
    if not cost:
        return None
    return (paid_revenue - cost) / cost


def paid_untaxed(untaxed, total, residual):
    """Part of an invoice's untaxed amount already paid: the untaxed amount in the
    proportion of the total that is no longer due (credit notes count negatively)."""
    if not total:
        return 0.0
    return untaxed * (total - residual) / total


def funnel(steps):
    """[(label, count)] -> [(label, count, rate from the previous step or None)]."""
    result = []
    previous = None
    for label, count in steps:
        result.append((label, count, None if previous is None else ratio(count, previous)))
        previous = count
    return result
