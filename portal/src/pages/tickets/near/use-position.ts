import { useCallback, useEffect, useState } from 'react';

/** Where the phone is, as far as the browser tells. */
export type PositionState =
  | { status: 'idle' | 'locating' | 'denied' | 'unsupported' }
  | { status: 'error'; message: string }
  | { status: 'ok'; lng: number; lat: number; accuracy: number };

/**
 * The phone's position from navigator.geolocation, asked for on `locate()` (the browser asks
 * the user the first time) — and at once when the user has already allowed it.
 */
export function usePosition() {
  const [position, setPosition] = useState<PositionState>({ status: 'idle' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) return setPosition({ status: 'unsupported' });
    setPosition({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setPosition({ status: 'ok', lng: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy }),
      (error) => setPosition(error.code === error.PERMISSION_DENIED ? { status: 'denied' } : { status: 'error', message: error.message }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(() => {
    let live = true;
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((status) => live && status.state === 'granted' && locate())
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [locate]);
  return { position, locate };
}
