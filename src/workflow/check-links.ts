/**
 * Consistency of a workflow's wiring: every link joins two existing nodes at existing
 * sockets, the input it ends at names it back, and every connected input names a link
 * that exists. A UI-format link from or to a node that is gone is a stale leftover that
 * ComfyUI drops on load: a warning, and the link is taken out of the graph so the preview
 * skips it. The other faults make ComfyUI refuse or rewire the graph: errors.
 */
import type { WorkflowProblem } from "./read-workflow.ts";
import type { Graph, GraphLink, GraphNode, Workflow } from "./workflow-graph.ts";

const MAX_PROBLEMS = 20;

function describe(node: GraphNode): string {
  return node.kind === "subgraph-input" ? "the subgraph's input rail" : node.kind === "subgraph-output" ? "the subgraph's output rail" : `node ${node.id} (${node.type})`;
}

function idList(nodes: ReadonlyMap<string, GraphNode>): string {
  const ids = [...nodes.keys()].filter((id) => !id.startsWith("-"));
  return ids.length > 12 ? `${ids.slice(0, 12).join(", ")}, …` : ids.join(", ");
}

function shortList(ids: readonly string[]): string {
  return ids.length > 12 ? `${ids.slice(0, 12).join(", ")}, …` : ids.join(", ");
}

function range(count: number, what: string): string {
  return count === 0 ? `has no ${what}s` : `has ${count} ${what}${count === 1 ? "" : "s"} (0–${count - 1})`;
}

function linkName(link: GraphLink, nodes: ReadonlyMap<string, GraphNode>): string {
  if (link.inputName === undefined) return `link ${link.id}`;
  const target = nodes.get(link.to);
  return `input "${link.inputName}" of ${target ? describe(target) : `node ${link.to}`}`;
}

function checkGraph(graph: Graph, format: Workflow["format"], scope: string, problems: WorkflowProblem[]): void {
  const report = (message: string) => problems.push({ rule: "workflow/broken-link", message: message + scope });
  const stale: GraphLink[] = [];
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) report(`node id ${node.id} is used by more than one node; every node needs its own id`);
    nodes.set(node.id, node);
  }
  const linkIds = new Set(graph.links.map((l) => l.id));

  for (const link of graph.links) {
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    const name = linkName(link, nodes);
    const verb = link.inputName === undefined ? "starts at" : "takes an output of";
    if (format === "ui" && (!from || !to)) {
      stale.push(link);
      continue;
    }
    if (!from) report(`${name} ${verb} node ${link.from}, which does not exist; node ids are ${idList(nodes)}`);
    else if (link.fromSlot >= from.outputs.length) {
      report(`${name} ${verb} output ${link.fromSlot} of ${describe(from)}, which ${range(from.outputs.length, "output")}`);
    }
    if (!to) report(`${name} ends at node ${link.to}, which does not exist; node ids are ${idList(nodes)}`);
    else if (link.toSlot >= to.inputs.length) {
      report(`${name} ends at input ${link.toSlot} of ${describe(to)}, which ${range(to.inputs.length, "input")}`);
    } else if (format === "ui" && to.kind === "node" && to.inputs[link.toSlot]!.link !== link.id) {
      // An input holds one link; ComfyUI keeps the one the input names and drops the other.
      const input = to.inputs[link.toSlot]!;
      const holds = input.link === undefined ? "is not connected" : `is connected to link ${input.link}`;
      report(`${name} ends at input "${input.name}" of ${describe(to)}, which ${holds}`);
    }
  }

  for (const node of graph.nodes) {
    for (const input of node.inputs) {
      if (input.link !== undefined && !linkIds.has(input.link)) {
        report(`input "${input.name}" of ${describe(node)} is connected to link ${input.link}, which is not in "links"`);
      }
    }
  }
  if (stale.length > 0) {
    const ids = stale.map((l) => l.id);
    const gone = [...new Set(stale.flatMap((l) => [l.from, l.to]).filter((id) => !nodes.has(id)))];
    problems.push({
      rule: "workflow/stale-link",
      severity: "warning",
      message:
        `${ids.length === 1 ? "link" : "links"} ${shortList(ids)} ${ids.length === 1 ? "joins" : "join"} ${gone.length === 1 ? "node" : "nodes"} ${shortList(gone)}, which ${gone.length === 1 ? "does" : "do"} not exist` +
        `${scope}; ComfyUI drops such links on load and the preview leaves them out (node ids are ${idList(nodes)})`,
    });
    const drop = new Set(stale);
    graph.links = graph.links.filter((l) => !drop.has(l));
  }
}

/**
 * Every wiring problem of the workflow (at most 20 errors, then a count), in the main graph
 * and each subgraph. Stale links are removed from `workflow` as they are reported.
 */
export function checkLinks(workflow: Workflow): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  checkGraph(workflow.main, workflow.format, "", problems);
  for (const sub of workflow.subgraphs) checkGraph(sub.graph, workflow.format, ` (in subgraph "${sub.name}")`, problems);
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length <= MAX_PROBLEMS) return problems;
  const more = errors.length - MAX_PROBLEMS;
  const kept = new Set(errors.slice(0, MAX_PROBLEMS));
  return [
    ...problems.filter((p) => p.severity === "warning" || kept.has(p)),
    { rule: "workflow/broken-link", message: `…and ${more} more link problem(s)` },
  ];
}
