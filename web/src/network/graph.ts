// The relationship network drawn with Cytoscape.js: nodes coloured by record type, edges by link
// kind, either grouped in a labelled box per kind of record (cities, countries, people...) or in
// rings around the chosen record by their distance from it.
import cytoscape, { Core, ElementDefinition } from "cytoscape";
import { label, NODE_TYPE } from "../labels";

export type Layout = "kinds" | "rings";

export interface NetworkNode {
  id: string;
  type: string;
  label: string;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kind: string;
  weight: number;
}

export const NODE_COLOURS: Record<string, string> = {
  City: "#1f6fb2",
  Country: "#7a8b99",
  Person: "#d98c1f",
  Organization: "#8e44ad",
  Delegation: "#2e8b57",
  InvestmentIntention: "#c0392b",
  LiaisonOffice: "#16a2a2",
};

export const EDGE_COLOURS: Record<string, string> = {
  PARTNERSHIP: "#1f6fb2",
  VISIT: "#2e8b57",
  MEMBERSHIP: "#d98c1f",
  AFFILIATION: "#8e44ad",
  INVESTMENT: "#c0392b",
  RESIDENCE: "#95a5a6",
  LIAISON_OFFICE: "#16a2a2",
};

/** A kind's box: its nodes in a grid this many model units apart. */
const CELL = { width: 130, height: 56 };
/** The gap between boxes. */
const GAP = 70;
const GROUP_PREFIX = "kind:";
const ZOOM_STEP = 1.4;

/**
 * Each kind's nodes in a grid of its own, the boxes side by side in rows as wide as the
 * container's shape asks for (`aspect`, width over height), so that fitting them wastes little.
 */
function kindPositions(
  nodes: NetworkNode[],
  aspect: number,
): Map<string, { x: number; y: number }> {
  const rowWidth = Math.max(
    3 * CELL.width,
    Math.sqrt(nodes.length * CELL.width * CELL.height * aspect) * 2,
  );
  const order = Object.keys(NODE_COLOURS);
  const kinds = [...new Set(nodes.map((node) => node.type))].sort(
    (a, b) =>
      (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1),
  );
  const positions = new Map<string, { x: number; y: number }>();
  let [left, top, rowHeight] = [0, 0, 0];
  for (const kind of kinds) {
    const members = nodes.filter((node) => node.type === kind);
    const columns = Math.min(
      Math.ceil(Math.sqrt(members.length * aspect)),
      Math.floor(rowWidth / CELL.width),
    );
    const width = columns * CELL.width;
    const height = Math.ceil(members.length / columns) * CELL.height;
    if (left > 0 && left + width > rowWidth) [left, top, rowHeight] = [0, top + rowHeight + GAP, 0];
    members.forEach((node, i) =>
      positions.set(node.id, {
        x: left + (i % columns) * CELL.width,
        y: top + Math.floor(i / columns) * CELL.height,
      }),
    );
    left += width + GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  return positions;
}

/** Ring of each node: its distance in links from the center; nodes it cannot reach have none. */
export function distances(
  center: string,
  nodes: NetworkNode[],
  edges: NetworkEdge[],
): Map<string, number> {
  const neighbours = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const { source, target } of edges) {
    neighbours.get(source)?.push(target);
    neighbours.get(target)?.push(source);
  }
  const ring = new Map([[center, 0]]);
  const queue = [center];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of neighbours.get(id) ?? []) {
      if (ring.has(next)) continue;
      ring.set(next, ring.get(id)! + 1);
      queue.push(next);
    }
  }
  return ring;
}

export class NetworkGraph {
  private readonly cy: Core;
  private center = "";
  private readonly nodes = new Map<string, NetworkNode>();
  private readonly edges = new Map<string, NetworkEdge>();
  private layout: Layout = "kinds";

  constructor(container: HTMLElement, onPick: (node: NetworkNode) => void) {
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: "node",
          style: {
            "background-color": (node) => NODE_COLOURS[node.data("type")] ?? "#333",
            label: "data(label)",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "ellipsis",
            "text-max-width": "110px",
            width: 16,
            height: 16,
          },
        },
        {
          selector: ":parent",
          style: {
            "background-color": (node) => NODE_COLOURS[node.data("type")] ?? "#333",
            "background-opacity": 0.07,
            "border-color": (node) => NODE_COLOURS[node.data("type")] ?? "#333",
            "border-width": 1,
            shape: "round-rectangle",
            padding: "18px",
            label: "data(label)",
            "font-size": 15,
            "font-weight": "bold",
            color: "data(colour)",
            "text-valign": "top",
            "text-halign": "center",
            "text-margin-y": -4,
            "text-wrap": "none",
            "text-max-width": "600px",
          },
        },
        {
          selector: "node.center",
          style: { width: 34, height: 34, "font-size": 16, "font-weight": "bold" },
        },
        {
          selector: "edge",
          style: {
            "line-color": (edge) => EDGE_COLOURS[edge.data("kind")] ?? "#999",
            width: "mapData(weight, 1, 5, 1.5, 5)",
            "curve-style": "bezier",
            opacity: 0.75,
          },
        },
      ],
    });
    this.cy.on("tap", "node", (event) => {
      const node = this.nodes.get(event.target.id());
      if (node) onPick(node);
    });
  }

  /** Draws what is there again, kind by kind or in rings. */
  arrange(layout: Layout): void {
    this.layout = layout;
    this.expand([], []);
  }

  /** Zooms in (above 1) or out (below 1) about the middle of the graph. */
  zoom(direction: 1 | -1): void {
    this.cy.zoom({
      level: this.cy.zoom() * ZOOM_STEP ** direction,
      renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 },
    });
  }

  /** A new center: everything drawn before goes. */
  draw(center: string, nodes: NetworkNode[], edges: NetworkEdge[]): void {
    this.center = center;
    this.nodes.clear();
    this.edges.clear();
    this.cy.elements().remove();
    this.expand(nodes, edges);
  }

  /** Adds a neighbourhood to what is drawn, keeping the center in the middle. */
  expand(nodes: NetworkNode[], edges: NetworkEdge[]): void {
    for (const node of nodes) this.nodes.set(node.id, node);
    for (const edge of edges) this.edges.set(`${edge.source}|${edge.target}|${edge.kind}`, edge);
    const ring = distances(this.center, [...this.nodes.values()], [...this.edges.values()]);
    const farthest = Math.max(...ring.values());
    // Cytoscape keeps the size its container had when last measured, which is none while the
    // view is hidden; measured again here, the layout fills the container as it is now.
    this.cy.resize();
    this.cy.elements().remove();
    this.cy.add(this.elements());
    this.cy.getElementById(this.center).addClass("center");
    if (this.layout === "kinds") {
      const aspect = this.cy.width() / Math.max(this.cy.height(), 1) || 1;
      const positions = kindPositions([...this.nodes.values()], aspect);
      this.cy.nodes(":childless").positions((node) => positions.get(node.id())!);
    } else {
      this.cy
        .layout({
          name: "concentric",
          concentric: (node) => farthest + 1 - (ring.get(node.id()) ?? farthest + 1),
          levelWidth: () => 1,
          minNodeSpacing: 18,
          animate: false,
        })
        .run();
    }
    this.cy.fit(undefined, 30);
  }

  /** Fits what is drawn to the container again, once the view that holds it is shown. */
  refit(): void {
    this.cy.resize();
    this.cy.fit(undefined, 30);
  }

  private elements(): ElementDefinition[] {
    const nodes = [...this.nodes.values()];
    const kinds = this.layout === "kinds" ? [...new Set(nodes.map((node) => node.type))] : [];
    return [
      ...kinds.map((kind) => ({
        data: {
          id: GROUP_PREFIX + kind,
          type: kind,
          colour: NODE_COLOURS[kind] ?? "#333",
          label: `${label(NODE_TYPE, kind)} · ${nodes.filter((node) => node.type === kind).length}`,
        },
      })),
      ...nodes.map((node) => ({
        data: { ...node, parent: kinds.length ? GROUP_PREFIX + node.type : undefined },
      })),
      ...[...this.edges.entries()].map(([id, edge]) => ({ data: { id, ...edge } })),
    ];
  }

  /** What is drawn and where, for the browser test and anyone inspecting the page. */
  describe(): {
    center: string;
    layout: Layout;
    groups: { type: string; label: string }[];
    nodes: { id: string; label: string; type: string; x: number; y: number }[];
    edges: number;
    zoom: number;
    width: number;
    height: number;
  } {
    return {
      center: this.center,
      layout: this.layout,
      groups: this.cy
        .nodes(":parent")
        .map((group) => ({ type: group.data("type"), label: group.data("label") })),
      nodes: this.cy.nodes(":childless").map((node) => ({
        id: node.id(),
        label: node.data("label"),
        type: node.data("type"),
        ...node.renderedPosition(),
      })),
      edges: this.cy.edges().length,
      zoom: this.cy.zoom(),
      width: this.cy.width(),
      height: this.cy.height(),
    };
  }
}
