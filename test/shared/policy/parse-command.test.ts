import { parseCommand } from '../../../shared/policy/parse-command.js';

describe('parseCommand', () => {
  test.each([
    ['/modelgate approve', { kind: 'approve' }],
    ['/modelgate approve ML lead review', { kind: 'approve', rule: 'ML lead review' }],
    ['  /modelgate   approve   Business owner  ', { kind: 'approve', rule: 'Business owner' }],
    ['/MODELGATE Approve', { kind: 'approve' }],
    ['Looks good.\n\n/modelgate approve\nthanks', { kind: 'approve' }],
    ['/modelgate revoke', { kind: 'revoke' }],
    ['/modelgate recheck', { kind: 'recheck' }],
    [
      '/modelgate rollback churn 1.2.0 AUC dropped in production',
      { kind: 'rollback', model: 'churn', version: '1.2.0', reason: 'AUC dropped in production' },
    ],
    [
      '/modelgate rollback team/churn v2.0.1 bad drift',
      { kind: 'rollback', model: 'team/churn', version: '2.0.1', reason: 'bad drift' },
    ],
  ])('%j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  test.each([
    ['no command here'],
    ['> /modelgate approve'],
    ['  > /modelgate approve'],
    ['```\n/modelgate approve\n```'],
    ['~~~md\n/modelgate approve\n~~~'],
    ['please run /modelgate approve'],
    ['/modelgateapprove'],
    [''],
  ])('no command in %j', (body) => {
    expect(parseCommand(body)).toBeNull();
  });

  test('a command after a closed fence counts', () => {
    expect(parseCommand('```\n/modelgate revoke\n```\n/modelgate approve')).toEqual({ kind: 'approve' });
  });

  test.each([
    ['/modelgate', /No command given/],
    ['/modelgate merge', /Unknown command "merge"/],
    ['/modelgate revoke now', /takes no arguments/],
    ['/modelgate recheck all', /takes no arguments/],
    ['/modelgate rollback churn', /Usage: \/modelgate rollback/],
    ['/modelgate rollback churn 1.2.0', /Usage: \/modelgate rollback/],
    ['/modelgate rollback churn latest oops', /"latest" is not a version/],
  ])('invalid %j', (body, message) => {
    const command = parseCommand(body);
    expect(command?.kind).toBe('invalid');
    expect(command?.kind === 'invalid' && command.message).toMatch(message);
  });
});
