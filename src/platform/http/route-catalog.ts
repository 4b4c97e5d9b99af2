import type { FastifyInstance, RouteOptions } from 'fastify';

/** A route as registered, hidden ones (HTML pages, forms) included: what the malformed-input battery walks. */
export type CatalogRoute = {
  method: string;
  url: string;
  schema: RouteOptions['schema'];
  websocket: boolean;
};

const catalogs = new WeakMap<object, CatalogRoute[]>();

/** Must run before any route is registered: Fastify tells onRoute hooks only about later routes. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: CatalogRoute[] = [];
  catalogs.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' && route.url !== '/') continue;
      routes.push({ method, url: route.url, schema: route.schema, websocket: (route as { websocket?: boolean }).websocket === true });
    }
  });
}

export function routeCatalog(app: object): CatalogRoute[] {
  return catalogs.get(app) ?? [];
}
