"""A linear-chain CRF over the decoder's grammar, trained by AdaGrad.

Scores are exactly the decoder's (model.h): the emission weights of a
piece's features in a state plus the edge weights of its edge features on
the transition; transitions outside the grammar are impossible. The CRF
reads the scores as log-potentials, so the forward-backward marginals it
trains on are the probabilities the library reports as confidence.
"""
import math

NEG = float('-inf')


def log_sum(xs):
    m = max(xs)
    if m == NEG:
        return NEG
    return m + math.log(sum(math.exp(x - m) for x in xs if x != NEG))


def add_grad(grads, base, features, m):
    """Adds m to the sparse gradient of each feature at base + feature."""
    for f in features:
        grads[base + f] = grads.get(base + f, 0.0) + m


def best_path(n, S, first, trans, emit):
    """Viterbi over S states: first(s) scores the page's first state (NEG =
    not allowed), trans(k, f, s) the move from f into s at piece k, emit(k, s)
    the state at piece k. Returns the best state sequence."""
    best = [[NEG] * S for _ in range(n)]
    back = [[0] * S for _ in range(n)]
    for s in range(S):
        x = first(s)
        if x != NEG:
            best[0][s] = x + emit(0, s)
    for k in range(1, n):
        prev = best[k - 1]
        for s in range(S):
            b, arg = NEG, 0
            for f in range(S):
                x = trans(k, f, s)
                if x == NEG or prev[f] == NEG:
                    continue
                v = prev[f] + x
                if v > b:
                    b, arg = v, f
            if b != NEG:
                best[k][s] = b + emit(k, s)
                back[k][s] = arg
    s = max(range(S), key=lambda x: best[n - 1][x])
    path = [0] * n
    for k in range(n - 1, -1, -1):
        path[k] = s
        s = back[k][s]
    return path


class CRF:
    def __init__(self, S, F, G, allowed):
        self.S, self.F, self.G = S, F, G
        self.allowed = allowed  # (S+1) x S booleans, row 0 = page start
        self.we = [0.0] * (S * F)             # emission: s*F + f
        self.wg = [0.0] * ((S + 1) * S * G)   # edge: (row*S + to)*G + g
        self.ge = [1e-8] * (S * F)            # AdaGrad accumulators
        self.gg = [1e-8] * ((S + 1) * S * G)
        # (row, to) pairs that exist
        self.pairs = [(r, t) for r in range(S + 1) for t in range(S) if allowed[r][t]]

    def _scores(self, pieces):
        S, F, G, we, wg = self.S, self.F, self.G, self.we, self.wg
        emit = []
        for p in pieces:
            fs = p['emit']
            emit.append([sum(we[s * F + f] for f in fs) for s in range(S)])
        trans = []  # per piece: dict (row,to) -> score, computed per distinct edge set
        cache = {}
        for k, p in enumerate(pieces):
            key = (k == 0, tuple(p['edge']))
            t = cache.get(key)
            if t is None:
                t = [[NEG] * S for _ in range(S + 1)]
                for r, to in self.pairs:
                    if (k == 0) != (r == 0):
                        continue
                    base = (r * S + to) * G
                    t[r][to] = sum(wg[base + g] for g in p['edge'])
                cache[key] = t
            trans.append(t)
        return emit, trans

    def _apply(self, ge, gg, rate, l2):
        """One AdaGrad update with L2 from sparse gradients."""
        for acc, w, grads in ((self.ge, self.we, ge), (self.gg, self.wg, gg)):
            for i, d in grads.items():
                d += l2 * w[i]
                acc[i] += d * d
                w[i] -= rate * d / math.sqrt(acc[i])

    def _gradients(self, pieces, gold, emit, trans, node, pair):
        """The gold path's score and the sparse gradients (marginal minus gold
        count) of one page, from its marginals: node(k, s) = P(state s at
        piece k), pair(k, r, to) = P(transition r -> to into piece k), r = 0
        the page start."""
        S, F, G = self.S, self.F, self.G
        gold_score = 0.0
        ge, gg = {}, {}
        for k, p in enumerate(pieces):
            g = gold[k]
            row_g = gold[k - 1] + 1 if k else 0
            gold_score += emit[k][g] + (trans[k][row_g][g] if trans[k][row_g][g] != NEG else -1e4)
            for s in range(S):
                m = node(k, s) - (1.0 if s == g else 0.0)
                if -1e-6 < m < 1e-6:
                    continue
                add_grad(ge, s * F, p['emit'], m)
            for r, to in self.pairs:
                if (k == 0) != (r == 0):
                    continue
                m = pair(k, r, to)
                if r == row_g and to == g:
                    m -= 1.0
                if -1e-6 < m < 1e-6:
                    continue
                add_grad(gg, (r * S + to) * G, p['edge'], m)
        return gold_score, ge, gg

    def viterbi(self, pieces):
        if not pieces:
            return []
        emit, trans = self._scores(pieces)
        return best_path(len(pieces), self.S, lambda s: trans[0][0][s],
                         lambda k, f, s: trans[k][f + 1][s], lambda k, s: emit[k][s])

    def step(self, pieces, gold, rate, l2):
        """One AdaGrad step on one page; returns its negative log-likelihood.

        Forward-backward runs in probability space with per-piece scaling
        (scores shifted by their maximum first), which gives the same
        marginals as the log-space recursions at a fraction of the cost.
        """
        S, F, G, n = self.S, self.F, self.G, len(pieces)
        if n == 0:
            return 0.0
        emit, trans = self._scores(pieces)
        exp = math.exp
        # potentials
        shift = 0.0
        E = []
        for k in range(n):
            m = max(emit[k])
            shift += m
            E.append([exp(x - m) for x in emit[k]])
        tcache = {}
        T = []
        for k in range(n):
            t = trans[k]
            tid = id(t)
            pt = tcache.get(tid)
            if pt is None:
                m = max(x for row in t for x in row if x != NEG)
                pt = ([[exp(x - m) if x != NEG else 0.0 for x in row] for row in t], m)
                tcache[tid] = pt
            T.append(pt[0])
            shift += pt[1]
        # scaled forward
        alpha = [None] * n
        c = [0.0] * n
        a0 = [T[0][0][s] * E[0][s] for s in range(S)]
        c[0] = sum(a0)
        if not (c[0] > 1e-250):
            return self.step_log(pieces, gold, rate, l2)
        alpha[0] = [x / c[0] for x in a0]
        rng = range(S)
        for k in range(1, n):
            prev, tk, ek = alpha[k - 1], T[k], E[k]
            ak = [0.0] * S
            for f in rng:
                pf = prev[f]
                if pf == 0.0:
                    continue
                row = tk[f + 1]
                for s in rng:
                    if row[s]:
                        ak[s] += pf * row[s]
            for s in rng:
                ak[s] *= ek[s]
            c[k] = sum(ak)
            if not (c[k] > 1e-250):
                return self.step_log(pieces, gold, rate, l2)
            inv = 1.0 / c[k]
            alpha[k] = [x * inv for x in ak]
        beta = [None] * n
        beta[n - 1] = [1.0] * S
        for k in range(n - 1, 0, -1):
            tk, ek, bk = T[k], E[k], beta[k]
            w = [ek[s] * bk[s] for s in rng]
            inv = 1.0 / c[k]
            bp = [0.0] * S
            for f in rng:
                row = tk[f + 1]
                v = 0.0
                for s in rng:
                    if row[s]:
                        v += row[s] * w[s]
                bp[f] = v * inv
            beta[k - 1] = bp
        if any(not (x > 1e-250) or x == float('inf') for x in c):
            return self.step_log(pieces, gold, rate, l2)
        log_z = sum(math.log(x) for x in c) + shift

        def node(k, s):
            return alpha[k][s] * beta[k][s]

        def pair(k, r, to):
            x, inv = T[k][r][to], 1.0 / c[k]
            if k == 0:
                return x * E[0][to] * beta[0][to] * inv
            return alpha[k - 1][r - 1] * x * E[k][to] * beta[k][to] * inv

        gold_score, ge, gg = self._gradients(pieces, gold, emit, trans, node, pair)
        # Scaled recursions can still overflow where the model is very sure
        # (a state with almost no forward mass but a large backward one):
        # then this page is redone in log space.
        if not (math.isfinite(log_z) and all(math.isfinite(x) for x in ge.values())
                and all(math.isfinite(x) for x in gg.values())):
            return self.step_log(pieces, gold, rate, l2)
        self._apply(ge, gg, rate, l2)
        return log_z - gold_score

    def step_log(self, pieces, gold, rate, l2):
        """step() in log space: slower, but free of under- and overflow;
        used for a page where the scaled recursions underflow."""
        S, F, G, n = self.S, self.F, self.G, len(pieces)
        emit, trans = self._scores(pieces)
        fwd = [[NEG] * S for _ in range(n)]
        for s in range(S):
            if trans[0][0][s] != NEG:
                fwd[0][s] = trans[0][0][s] + emit[0][s]
        for k in range(1, n):
            t, prev = trans[k], fwd[k - 1]
            for s in range(S):
                v = log_sum([prev[f] + t[f + 1][s] for f in range(S)
                             if prev[f] != NEG and t[f + 1][s] != NEG] or [NEG])
                fwd[k][s] = v + emit[k][s] if v != NEG else NEG
        bwd = [[NEG] * S for _ in range(n)]
        bwd[n - 1] = [0.0] * S
        for k in range(n - 1, 0, -1):
            t = trans[k]
            for f in range(S):
                bwd[k - 1][f] = log_sum([t[f + 1][s] + emit[k][s] + bwd[k][s] for s in range(S)
                                         if t[f + 1][s] != NEG and bwd[k][s] != NEG] or [NEG])
        z = log_sum(fwd[n - 1])
        def node(k, s):
            lp = fwd[k][s] + bwd[k][s] - z if fwd[k][s] != NEG and bwd[k][s] != NEG else NEG
            return math.exp(lp) if lp != NEG else 0.0

        def pair(k, r, to):
            x = trans[k][r][to]
            if k == 0:
                lp = x + emit[0][to] + bwd[0][to] - z if bwd[0][to] != NEG else NEG
            else:
                a = fwd[k - 1][r - 1]
                lp = a + x + emit[k][to] + bwd[k][to] - z if a != NEG and bwd[k][to] != NEG else NEG
            return math.exp(lp) if lp != NEG else 0.0

        gold_score, ge, gg = self._gradients(pieces, gold, emit, trans, node, pair)
        self._apply(ge, gg, rate, l2)
        return z - gold_score
