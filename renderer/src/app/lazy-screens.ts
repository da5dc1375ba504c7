import { createElement, lazy, type ComponentType } from 'react';

/**
 * A screen whose code is a chunk of its own. Once the chunk has arrived the screen renders at once; before that it
 * suspends, and React holds a suspended screen back for up to 300 ms before revealing it, so the chunk is asked
 * for early (`preload`) rather than when the route first renders.
 */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed fetch is tried again by the next render, not remembered.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    return createElement(loaded ?? Suspending, props);
  }
  return { Screen, preload };
}

// The Dashboard, the home screen, is part of the first script; these screens are fetched apart.
const clientPage = lazyScreen(() =>
  import('../features/client-page/ClientPage').then((module) => module.ClientPage),
);
const clientList = lazyScreen(() =>
  import('../features/clients/ClientsPage').then((module) => module.ClientsPage),
);
const signIn = lazyScreen(() => import('../features/session/SignInPage').then((module) => module.SignInPage));

export const ClientPage = clientPage.Screen;
export const ClientsPage = clientList.Screen;
export const SignInPage = signIn.Screen;

/**
 * Fetches a screen's chunk ahead of its first render: the screen the window opens on is asked for alongside the
 * app's first request (first-requests.ts). The others load when first opened: a small local chunk, where fetching
 * them all at start-up competed with the first screen.
 */
export const preloadScreen = {
  clientPage: () => void clientPage.preload().catch(() => undefined),
  clientList: () => void clientList.preload().catch(() => undefined),
  signIn: () => void signIn.preload().catch(() => undefined),
};
