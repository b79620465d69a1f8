import { applyChange, defaultPreferences, withDefaults } from './preference-rules';

describe('notification preferences', () => {
  it('default to every kind in-app, e-mail for assignments and SLA breaches, in Chinese', () => {
    const prefs = defaultPreferences();
    expect(prefs.language).toBe('zh-CN');
    expect(Object.values(prefs.events).every((c) => c.inApp)).toBe(true);
    expect(Object.entries(prefs.events).filter(([, c]) => c.email).map(([kind]) => kind)).toEqual(['assigned', 'sla_breached']);
  });

  it('apply a partial change and leave the rest', () => {
    const next = applyChange(defaultPreferences(), { language: 'en', events: { assigned: { email: false }, noted: { email: true } } });
    expect(next.language).toBe('en');
    expect(next.events.assigned).toEqual({ inApp: true, email: false });
    expect(next.events.noted).toEqual({ inApp: true, email: true });
    expect(next.events.sla_breached).toEqual({ inApp: true, email: true });
  });

  it.each([
    [{ language: 'fr' }, /data\.language must be one of zh-CN, en/],
    [{ events: { birthday: { email: true } } }, /data\.events\.birthday is not a notification kind/],
    [{ events: { noted: { sms: true } } }, /data\.events\.noted\.sms is not a channel/],
    [{ events: { noted: { email: 'yes' } } }, /data\.events\.noted\.email must be true or false/],
    [{ events: [] }, /data\.events must be/],
    [{ theme: 'dark' }, /data\.theme is not a preference/],
  ])('refuse %j naming what is wrong', (data, message) => {
    expect(() => applyChange(defaultPreferences(), data)).toThrow(message);
  });

  it('fill what a stored row lacks with the defaults and ignore what it should not hold', () => {
    const prefs = withDefaults({ language: 'xx', events: { noted: { email: true, inApp: 'no' }, gone: {} } });
    expect(prefs.language).toBe('zh-CN');
    expect(prefs.events.noted).toEqual({ inApp: true, email: true });
    expect(prefs.events.transitioned).toEqual({ inApp: true, email: false });
  });
});
