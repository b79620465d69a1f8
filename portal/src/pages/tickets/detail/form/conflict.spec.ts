import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../../../api/api-error';
import { conflictRows, sameValue, serverStateOf } from './conflict';

/** The 409 of a stale PUT, as the tickets API answers it. */
const stale = errorFromResponse(
  409,
  JSON.stringify({
    data: null,
    error: {
      status: 409,
      name: 'ConflictError',
      message: 'Ticket abc is at version 3, not 2',
      details: {
        version: 3,
        form: { site_name: '张江02', pci: 387, severity: 'major' },
        status: 'submitted',
        allowedTransitions: ['in_progress'],
      },
    },
  }),
);

describe('409 → the changes made meanwhile', () => {
  it('reads the current version, form, status and moves from the 409', () => {
    expect(serverStateOf(stale)).toEqual({
      version: 3,
      form: { site_name: '张江02', pci: 387, severity: 'major' },
      status: 'submitted',
      allowedTransitions: ['in_progress'],
    });
    expect(serverStateOf(new Error('x'))).toBeNull();
    expect(
      serverStateOf(
        errorFromResponse(409, JSON.stringify({ error: { status: 409, message: 'no such move', details: { allowedTransitions: [] } } })),
      ),
    ).toBeNull();
  });

  it('lists what the other person changed, what I changed, and where we clash', () => {
    const loaded = { site_name: '张江01', pci: 387, severity: 'critical', description: 'a' };
    const server = serverStateOf(stale)!.form; // they renamed the site, lowered the severity, cleared the description
    const mine = { site_name: '张江01', pci: 388, severity: 'minor', description: 'a' };
    const rows = conflictRows({
      loaded,
      server,
      mine,
      order: ['site_name', 'pci', 'severity', 'description'],
      labels: { site_name: '站点名称', pci: 'PCI' },
    });
    expect(rows).toEqual([
      {
        field: 'site_name',
        label: '站点名称',
        loaded: '张江01',
        server: '张江02',
        mine: '张江01',
        changedOnServer: true,
        changedByMe: false,
        clash: false,
      },
      { field: 'pci', label: 'PCI', loaded: 387, server: 387, mine: 388, changedOnServer: false, changedByMe: true, clash: false },
      {
        field: 'severity',
        label: 'severity',
        loaded: 'critical',
        server: 'major',
        mine: 'minor',
        changedOnServer: true,
        changedByMe: true,
        clash: true,
      },
      {
        field: 'description',
        label: 'description',
        loaded: 'a',
        server: undefined,
        mine: 'a',
        changedOnServer: true,
        changedByMe: false,
        clash: false,
      },
    ]);
  });

  it('is no clash when both sides made the same change', () => {
    const rows = conflictRows({ loaded: { pci: 1 }, server: { pci: 2 }, mine: { pci: 2 }, order: ['pci'], labels: {} });
    expect(rows[0]).toMatchObject({ changedOnServer: true, changedByMe: true, clash: false });
  });

  it('compares photo lists by order and treats empty as missing', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ x: [1] }, { x: [1], y: undefined })).toBe(true);
  });
});
