import { Component, Suspense, type ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';

interface BoundaryProps {
  /** A new value (the next route) clears a failure, so leaving a broken screen works. */
  resetKey: string;
  children: ReactNode;
}

/**
 * A screen whose code could not be loaded or that failed to draw shows what happened and a way out, instead of
 * leaving the window blank.
 */
class ScreenFailureBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null)
      this.setState({ error: null });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorPanel
        title="Couldn't open this screen"
        error={this.state.error}
        onRetry={() => window.location.reload()}
      />
    );
  }
}

/** A screen loaded on first use (its code is a separate chunk), with a loading line while it arrives. */
export function LazyScreen({ resetKey, children }: { resetKey: string; children: ReactNode }) {
  return (
    <ScreenFailureBoundary resetKey={resetKey}>
      <Suspense
        fallback={
          <p className="loading-line" role="status">
            Loading…
          </p>
        }
      >
        {children}
      </Suspense>
    </ScreenFailureBoundary>
  );
}
