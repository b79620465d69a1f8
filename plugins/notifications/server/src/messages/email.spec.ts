import { composeEmail, readableTime, type NotificationContent } from './email';

const ticket = { id: 'abc123', title: '浦东张江基站01', type: 'bs-fault', status: 'in_progress' };

describe('composeEmail', () => {
  it('writes an assignment in Chinese with the portal link', () => {
    const mail = composeEmail({ kind: 'assigned', ticket, params: { actor: '王经理' } }, 'zh-CN', 'https://portal.example.com/');
    expect(mail.subject).toBe('[5G工单] 工单已分配给您：浦东张江基站01');
    expect(mail.text).toContain('王经理 将工单「浦东张江基站01」分配给了您。');
    expect(mail.text).toContain('https://portal.example.com/tickets/abc123');
    expect(mail.html).toContain('<a href="https://portal.example.com/tickets/abc123">');
  });

  it('writes a move in English with the status words', () => {
    const mail = composeEmail({ kind: 'transitioned', ticket, params: { actor: 'lee', from: 'submitted', to: 'in_progress' } }, 'en', 'http://p');
    expect(mail.subject).toBe('[5G Ticketing] Your ticket moved: 浦东张江基站01');
    expect(mail.text).toContain('lee moved the ticket "浦东张江基站01" from Submitted to In progress.');
  });

  it('names the SLA clock and the due time, and the system when nobody acted', () => {
    const content: NotificationContent = { kind: 'sla_breached', ticket, params: { clock: 'resolution', dueAt: '2026-12-07T14:00:00.000+08:00' } };
    expect(composeEmail(content, 'zh-CN', 'http://p').text).toContain('工单「浦东张江基站01」的解决时限已于 2026-12-07 14:00 +08:00 超时。');
    expect(composeEmail(content, 'en', 'http://p').subject).toBe('[5G Ticketing] SLA breached: 浦东张江基站01');
  });

  it('escapes the HTML part and keeps a note\'s line breaks; the subject stays one line', () => {
    const content: NotificationContent = { kind: 'noted', ticket: { ...ticket, title: 'A\r\nBcc: x@y' }, params: { actor: '<b>x</b>', note: 'line 1\n<script>2</script>' } };
    const mail = composeEmail(content, 'en', 'http://p');
    expect(mail.subject).toBe('[5G Ticketing] New note on your ticket: A Bcc: x@y');
    expect(mail.html).toContain('&#60;script&#62;2&#60;/script&#62;');
    expect(mail.html).toContain('line 1<br>');
    expect(mail.html).not.toContain('<b>x</b>');
    expect(mail.text).toContain('line 1\n<script>2</script>');
  });

  it('reads ISO times as wall-clock text', () => {
    expect(readableTime('2026-12-07T14:00:00+08:00')).toBe('2026-12-07 14:00 +08:00');
    expect(readableTime('soon')).toBe('soon');
  });
});
