import { Component, type ReactNode } from 'react';

interface Props {
  /** What is shown instead of `children` once they have thrown while rendering. */
  fallback: ReactNode;
  /** A new value clears the error and renders `children` again (the address: another page). */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  /** The `resetKey` last rendered with. */
  key: string | null;
}

/**
 * Shows `fallback` when a page throws while rendering, or its chunk fails to load, instead of
 * an empty screen; moving to another address tries again. React catches render errors only in
 * a class component (https://react.dev/reference/react/Component#catching-rendering-errors-with-an-error-boundary).
 */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return state.key === props.resetKey ? null : { error: null, key: props.resetKey };
  }

  componentDidCatch(error: unknown): void {
    console.error(error);
  }

  render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback;
  }
}
