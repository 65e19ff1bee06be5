"""Plain-NumPy baseline for `npm run bench -- gaps` (METHODS.md §3): the same measures as
householdMeasures in packages/core/src/gaps, written the straightforward NumPy way (argsort, cumsum,
np.interp, bincount), on the same households.

Usage: python3 numpy_gaps.py META.json [--runs 3]
META.json (written by bench/gaps/main.ts) names a binary file holding, in order, little-endian:
income f64[n], size u8[n], weight f64[n], area u8[n], city u16[n], county u16[n].
Prints one JSON line: timings of the measures only (data loading excluded) and the results.
"""

import json
import sys
import time

import numpy as np


def lorenz_at(q, cum_p, cum_y):
    """L(q) through (F_i, S_i), linear inside the observation straddling q (METHODS.md §3)."""
    f = np.concatenate(([0.0], cum_p / cum_p[-1]))
    s = np.concatenate(([0.0], cum_y / cum_y[-1]))
    return np.interp(q, f, s)


def theil_decomposition(y, p, codes, k):
    """Theil T and L over y > 0 rows with the between/within split by `codes` (METHODS.md §2)."""
    P = p.sum()
    mu = (p * y).sum() / P
    r = y / mu
    T = (p * r * np.log(r)).sum() / P
    L = (p * np.log(1.0 / r)).sum() / P
    Pg = np.bincount(codes, weights=p, minlength=k)
    Yg = np.bincount(codes, weights=p * y, minlength=k)
    has = Pg > 0
    mg = np.where(has, Yg / np.where(has, Pg, 1.0), 1.0)
    rg = y / mg[codes]
    Tg = np.bincount(codes, weights=p * rg * np.log(rg), minlength=k) / np.where(has, Pg, 1.0)
    Lg = np.bincount(codes, weights=-p * np.log(rg), minlength=k) / np.where(has, Pg, 1.0)
    ps = Pg / P
    ss = Yg / (P * mu)
    lr = np.log(np.where(has, mg / mu, 1.0))
    return {
        "T": T,
        "L": L,
        "betweenT": float((ss * lr)[has].sum()),
        "withinT": float((ss * Tg)[has].sum()),
        "betweenL": float((-ps * lr)[has].sum()),
        "withinL": float((ps * Lg)[has].sum()),
    }


def measures(y, n, w, groups, lower=100_000.0, upper=500_000.0, mult=3.0, low_line=None, points=101):
    p = w * n
    W = p.sum()
    mean = (p * y).sum() / W
    order = np.argsort(y)
    ys = y[order]
    ps = p[order]
    cum_p = np.cumsum(ps)
    cum_y = np.cumsum(ps * ys)
    s = cum_y / cum_y[-1]
    s_prev = np.concatenate(([0.0], s[:-1]))
    gini = 1.0 - np.sum(ps / cum_p[-1] * (s_prev + s))
    median = ys[np.searchsorted(cum_p, cum_p[-1] / 2.0)]
    grid = np.linspace(0.0, 1.0, points)
    tenths = lorenz_at(np.arange(11) / 10.0, cum_p, cum_y)
    tenths[0], tenths[10] = 0.0, 1.0
    lorenz = lorenz_at(grid, cum_p, cum_y)
    dec_share = np.diff(tenths)
    quint_share = np.diff(tenths[::2])

    pos = y > 0
    yp, pp = y[pos], p[pos]
    theil = {name: theil_decomposition(yp, pp, codes[pos], k) for name, (codes, k) in groups.items()}
    Pp = pp.sum()
    mup = (pp * yp).sum() / Pp
    nonneg = y >= 0
    P0 = p[nonneg].sum()
    mu0 = (p[nonneg] * y[nonneg]).sum() / P0
    atk05 = 1.0 - ((p[nonneg] * np.sqrt(y[nonneg] / mu0)).sum() / P0) ** 2
    atk1 = 1.0 - np.exp((pp * np.log(yp)).sum() / Pp) / mup
    atk2 = 1.0 - 1.0 / ((pp * (mup / yp)).sum() / Pp)
    ym = y * mult
    middle = p[(ym >= lower) & (ym < upper)].sum()
    out = {
        "persons": W,
        "mean": mean,
        "median": median,
        "gini": gini,
        "s80s20": (1.0 - tenths[8]) / tenths[2],
        "palma": (1.0 - tenths[9]) / tenths[4],
        "decileShare": dec_share.tolist(),
        "decileMean": (dec_share * mean * 10).tolist(),
        "quintileShare": quint_share.tolist(),
        "lorenz": lorenz.tolist(),
        "theil": theil,
        "atkinson": [atk05, atk1, atk2],
        "middleShare": middle / W,
        "excludedNonPositive": int((~pos).sum()),
    }
    if low_line is not None:
        out["lowShare"] = p[y < low_line].sum() / W
    return out


def main():
    meta = json.load(open(sys.argv[1]))
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    n = meta["n"]
    with open(meta["file"], "rb") as f:
        income = np.fromfile(f, dtype="<f8", count=n)
        size = np.fromfile(f, dtype="u1", count=n)
        weight = np.fromfile(f, dtype="<f8", count=n)
        area = np.fromfile(f, dtype="u1", count=n)
        city = np.fromfile(f, dtype="<u2", count=n)
        county = np.fromfile(f, dtype="<u2", count=n)
    groups = {
        "urban_rural": (area.astype(np.intp), meta["areaCount"]),
        "city": (city.astype(np.intp), meta["cityCount"]),
        "county": (county.astype(np.intp), meta["countyCount"]),
    }
    size_f = size.astype(np.float64)
    times = []
    cpu = []
    result = None
    for _ in range(runs + 1):  # the first run is a warm-up
        t = time.perf_counter()
        c = time.process_time()
        result = measures(income, size_f, weight, groups, low_line=meta.get("lowLine"))
        cpu.append(time.process_time() - c)
        times.append(time.perf_counter() - t)
    print(json.dumps({"times": times[1:], "cpu": cpu[1:], "numpy": np.__version__, "result": result}, default=float))


if __name__ == "__main__":
    main()
