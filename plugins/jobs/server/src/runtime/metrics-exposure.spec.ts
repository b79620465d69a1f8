import { metricsExposureError } from './metrics-exposure';

describe('metricsExposureError', () => {
  it('stops production without a token, naming both ways out', () => {
    expect(metricsExposureError({ metricsToken: '', metricsPublic: false }, 'production')).toMatch(/METRICS_TOKEN is not set.*METRICS_PUBLIC=true/);
  });

  it('lets production start with a token, or open on purpose', () => {
    expect(metricsExposureError({ metricsToken: 's3cret', metricsPublic: false }, 'production')).toBeNull();
    expect(metricsExposureError({ metricsToken: '', metricsPublic: true }, 'production')).toBeNull();
  });

  it('leaves development and tests open', () => {
    expect(metricsExposureError({ metricsToken: '', metricsPublic: false }, 'development')).toBeNull();
    expect(metricsExposureError({ metricsToken: '', metricsPublic: false }, undefined)).toBeNull();
  });
});
