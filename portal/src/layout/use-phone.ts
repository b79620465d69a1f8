import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): the phone layout. */
const PHONE_QUERY = '(max-width: 767.98px)';

/**
 * Whether the screen is phone-sized, from antd's breakpoints. They are known only after the
 * first effect; until then the media query answers, so a phone never flashes the desktop frame.
 */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  if (screens.md === undefined) return typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches;
  return !screens.md;
}
