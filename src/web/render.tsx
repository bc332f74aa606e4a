import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContextProvider, type PageContext } from './page-context.js';
import { Layout } from './layout.js';

/** Renders a whole HTML document for a page: the layout around `body`, with the request's context. */
export function renderDocument(context: PageContext, title: string, body: ComponentChildren): string {
  return (
    '<!DOCTYPE html>' +
    renderToString(
      <PageContextProvider.Provider value={context}>
        <Layout title={title}>{body}</Layout>
      </PageContextProvider.Provider>,
    )
  );
}

/** Renders part of a page on its own (a streamed page's sections), with the request's context. */
export function renderFragment(context: PageContext, node: ComponentChildren): string {
  return renderToString(<PageContextProvider.Provider value={context}>{node}</PageContextProvider.Provider>);
}
