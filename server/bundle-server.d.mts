// Types for bundle-server.mjs (plain JavaScript so that `npm start` needs no TypeScript loader).
export declare const SERVER_BUNDLE_DIR: string;
export declare function bundleServer(options?: { entry?: string; outDir?: string }): Promise<string>;
export declare function isServerBundleStale(outDir?: string): boolean;
export declare function newestSourceTime(dirs: string[], files?: string[]): number;
