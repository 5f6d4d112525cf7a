/**
 * The Content-Security-Policy of paxscreen's own pages (the operations dashboard, the carriers
 * page): their own scripts, styles and API only. No inline script or style attribute, no other
 * origin, no framing. `upgrade-insecure-requests` is dropped: the pages are often reached over
 * plain HTTP inside the operations network (compose, port forwards), where it would break every asset.
 */
export const PAGE_CSP: Readonly<Record<string, string[] | null>> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};
