/** The web app manifest (`/manifest.webmanifest`) and the icon's MIME type for `<link rel="icon">`. */
import { withBasePath } from "./base-path.ts";

const ICON_TYPES: Readonly<Record<string, string>> = {
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

/** The MIME type of an icon file by its extension; undefined for an unknown one (the link then has no `type`). */
export function iconType(path: string): string | undefined {
  return ICON_TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ""];
}

/** The manifest as JSON: start and scope at the base path, so an installed site opens at its root. */
export function webManifest(options: { name: string; shortName: string; lang: string; basePath: string; icon: string; themeColor: string }): string {
  const type = iconType(options.icon);
  return JSON.stringify(
    {
      name: options.name,
      short_name: options.shortName,
      lang: options.lang,
      start_url: options.basePath,
      scope: options.basePath,
      display: "browser",
      theme_color: options.themeColor,
      background_color: "#ffffff",
      icons: [{ src: withBasePath(options.basePath, options.icon), sizes: type === "image/svg+xml" ? "any" : "512x512", ...(type ? { type } : {}) }],
    },
    null,
    2,
  ) + "\n";
}
