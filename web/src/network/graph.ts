// The relationship network drawn with Cytoscape.js: nodes coloured by record type, edges by link
// kind, the chosen record in the middle and the others in rings by their distance from it.
import cytoscape, { Core, ElementDefinition } from "cytoscape";

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

/** Ring of each node: its distance in links from the center. */
function distances(
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
    this.cy.on("tap", "node", (event) => onPick(this.nodes.get(event.target.id())!));
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
    this.cy
      .layout({
        name: "concentric",
        concentric: (node) => farthest + 1 - (ring.get(node.id()) ?? farthest + 1),
        levelWidth: () => 1,
        minNodeSpacing: 18,
        animate: false,
      })
      .run();
    this.cy.fit(undefined, 30);
  }

  /** Fits what is drawn to the container again, once the view that holds it is shown. */
  refit(): void {
    this.cy.resize();
    this.cy.fit(undefined, 30);
  }

  private elements(): ElementDefinition[] {
    return [
      ...[...this.nodes.values()].map((node) => ({ data: { ...node } })),
      ...[...this.edges.entries()].map(([id, edge]) => ({ data: { id, ...edge } })),
    ];
  }

  /** What is drawn and where, for the browser test and anyone inspecting the page. */
  describe(): {
    center: string;
    nodes: { id: string; label: string; type: string; x: number; y: number }[];
    edges: number;
    width: number;
    height: number;
  } {
    return {
      center: this.center,
      nodes: this.cy.nodes().map((node) => ({
        id: node.id(),
        label: node.data("label"),
        type: node.data("type"),
        ...node.renderedPosition(),
      })),
      edges: this.cy.edges().length,
      width: this.cy.width(),
      height: this.cy.height(),
    };
  }
}
