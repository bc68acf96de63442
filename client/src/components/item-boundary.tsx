import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What shows in place of the one item that could not be drawn. */
  fallback: ReactNode;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * Catches a render error in one item of a list, so a single entry a device cannot show (a
 * date past what the browser can format, a document it cannot draw) reads as unreadable in
 * place while the rest of the list still shows. React offers this only as a class.
 */
export class ItemBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('An item could not be shown', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
