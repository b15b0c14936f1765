/**
 * Maximum-cardinality bipartite matching (Hopcroft–Karp), deterministic: vertices and their
 * neighbours are visited in the order given, so the same graph always gives the same matching,
 * and a neighbour listed first is preferred when the size of the matching allows.
 */

const FREE = -1;
const INF = 0x7fffffff;

/**
 * Matches left vertices `0..adj.length` to right vertices `0..rightCount` along the edges
 * `adj[left]` (right indices, most preferred first). Returns, for each left vertex, its right
 * partner or -1. The number of matched vertices is the largest possible.
 */
export function maximumMatching(adj: readonly (readonly number[])[], rightCount: number): Int32Array {
  const leftCount = adj.length;
  const matchLeft = new Int32Array(leftCount).fill(FREE);
  const matchRight = new Int32Array(rightCount).fill(FREE);
  // Greedy start in preference order: usually already maximum for spans.
  for (let l = 0; l < leftCount; l++) {
    for (const r of adj[l]!) {
      if (matchRight[r] === FREE) {
        matchLeft[l] = r;
        matchRight[r] = l;
        break;
      }
    }
  }
  const dist = new Int32Array(leftCount);
  const queue = new Int32Array(leftCount);
  const edgeAt = new Int32Array(leftCount);
  const stack = new Int32Array(leftCount);

  /** Layers left vertices by alternating-path distance from the free ones; true when a free right vertex is reachable. */
  const bfs = (): boolean => {
    let head = 0;
    let tail = 0;
    for (let l = 0; l < leftCount; l++) {
      if (matchLeft[l] === FREE) {
        dist[l] = 0;
        queue[tail++] = l;
      } else dist[l] = INF;
    }
    let found = false;
    while (head < tail) {
      const l = queue[head++]!;
      for (const r of adj[l]!) {
        const next = matchRight[r]!;
        if (next === FREE) found = true;
        else if (dist[next] === INF) {
          dist[next] = dist[l]! + 1;
          queue[tail++] = next;
        }
      }
    }
    return found;
  };

  /** Augments along one shortest alternating path from the free left vertex `root` (iterative DFS). */
  const augment = (root: number): boolean => {
    let depth = 0;
    stack[0] = root;
    edgeAt[root] = 0;
    while (depth >= 0) {
      const l = stack[depth]!;
      const edges = adj[l]!;
      let advanced = false;
      while (edgeAt[l]! < edges.length) {
        const r = edges[edgeAt[l]!]!;
        const next = matchRight[r]!;
        if (next === FREE) {
          // Flip the path: stack[0..depth] each take the right vertex their current edge points at.
          for (let d = depth; d >= 0; d--) {
            const left = stack[d]!;
            const right = adj[left]![edgeAt[left]!]!;
            matchLeft[left] = right;
            matchRight[right] = left;
          }
          return true;
        }
        if (dist[next] === dist[l]! + 1) {
          stack[++depth] = next;
          edgeAt[next] = 0;
          advanced = true;
          break;
        }
        edgeAt[l]!++;
      }
      if (advanced) continue;
      dist[l] = INF; // dead end for this phase
      depth--;
      if (depth >= 0) edgeAt[stack[depth]!]!++;
    }
    return false;
  };

  while (bfs()) {
    for (let l = 0; l < leftCount; l++) if (matchLeft[l] === FREE) augment(l);
  }
  return matchLeft;
}

/** Number of matched left vertices of a matching. */
export function matchedCount(matchLeft: Int32Array): number {
  let n = 0;
  for (const r of matchLeft) if (r !== FREE) n++;
  return n;
}
