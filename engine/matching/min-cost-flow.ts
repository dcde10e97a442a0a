/**
 * Min-cost maximum flow by successive shortest paths (Dijkstra with Johnson potentials). Integer
 * capacities and non-negative integer costs keep it exact: the flow found is maximum, and among maximum
 * flows it has the least total cost. Used for round 3 over *groups* of people and seats, which keeps the
 * graph small however large the county.
 *
 * @example
 * const g = new MinCostFlow(4);
 * g.addEdge(0, 1, 1, 0); g.addEdge(1, 2, 1, 5); g.addEdge(2, 3, 1, 0);
 * g.run(0, 3); // { flow: 1, cost: 5 }
 */
export class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly initialCap: number[] = [];
  private dist = new Float64Array(0);
  private prevEdge = new Int32Array(0);
  private readonly heap = new MinHeap();

  constructor(private readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds u → v and returns the edge's id, for {@link flowOn}. */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.pushArc(u, v, capacity, cost);
    this.pushArc(v, u, 0, -cost);
    return id;
  }

  flowOn(edge: number): number {
    return this.initialCap[edge]! - this.cap[edge]!;
  }

  run(source: number, sink: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const potential = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.prevEdge = new Int32Array(n);
    const { dist, prevEdge } = this;
    let flow = 0;
    let total = 0;
    for (;;) {
      this.shortestPaths(source, potential);
      if (dist[sink] === Number.POSITIVE_INFINITY) break;
      for (let v = 0; v < n; v++) if (dist[v]! < Number.POSITIVE_INFINITY) potential[v]! += dist[v]!;
      let push = Number.POSITIVE_INFINITY;
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!)
        push = Math.min(push, this.cap[prevEdge[v]!]!);
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!) {
        const e = prevEdge[v]!;
        this.cap[e]! -= push;
        this.cap[e ^ 1]! += push;
        total += push * this.cost[e]!;
      }
      flow += push;
    }
    return { flow, cost: total };
  }

  private pushArc(u: number, v: number, capacity: number, cost: number): void {
    const id = this.to.length;
    this.to.push(v);
    this.cap.push(capacity);
    this.initialCap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[u]!);
    this.head[u] = id;
  }

  /**
   * Dijkstra on reduced costs into the reused `dist`/`prevEdge` buffers. Same relaxation order and heap
   * tie-breaks as ever, so the same augmenting paths (and flows) come out; only the allocation is gone.
   */
  private shortestPaths(source: number, potential: Float64Array): void {
    const dist = this.dist;
    const prevEdge = this.prevEdge;
    dist.fill(Number.POSITIVE_INFINITY);
    prevEdge.fill(-1);
    dist[source] = 0;
    const heap = this.heap;
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]!) continue;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        if (this.cap[e]! <= 0) continue;
        const v = this.to[e]!;
        const nd = d + this.cost[e]! + potential[u]! - potential[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          prevEdge[v] = e;
          heap.push(nd, v);
        }
      }
    }
  }
}

/** Binary heap of (key, node) pairs, smallest key first; ties by node id keep runs reproducible. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  topKey(): number {
    return this.keys[0]!;
  }

  /** Removes the smallest entry and returns its node (read its key first with {@link topKey}). */
  pop(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const ki = this.keys[i]!;
    const kj = this.keys[j]!;
    return ki < kj || (ki === kj && this.nodes[i]! < this.nodes[j]!);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const v = this.nodes[i]!;
    this.nodes[i] = this.nodes[j]!;
    this.nodes[j] = v;
  }
}
