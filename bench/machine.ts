/** The machine and software a benchmark ran on, for the report's header. */
import { readFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";

/** Hardware and software versions, as the report prints them. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  eleventy: string;
  pagefind: string;
}

const packageVersion = (name: string) => {
  const path = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
};

/** Describes this machine; the numbers in a report only mean something next to it. */
export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    eleventy: packageVersion("@11ty/eleventy"),
    pagefind: packageVersion("pagefind"),
  };
}
