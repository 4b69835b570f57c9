import { buildTagMessage, parseTagTrailers } from '../../../shared/promotion/tag-annotation.js';

describe('tag annotation', () => {
  const annotation = {
    model: 'team/churn',
    version: '1.4.0',
    promotion: 'pull/42',
    summary: 'Promoted by ModelGate from pull request #42.',
    artifactPath: 'models/churn/model.onnx',
    artifactSha256: 'a'.repeat(64),
    reportSha256: 'b'.repeat(64),
    evaluationDigest: 'd'.repeat(64),
  };

  test('subject, sentence, trailers', () => {
    expect(buildTagMessage(annotation)).toBe(
      [
        'team/churn v1.4.0',
        '',
        'Promoted by ModelGate from pull request #42.',
        '',
        'ModelGate-Model: team/churn',
        'ModelGate-Version: 1.4.0',
        'ModelGate-Promotion: pull/42',
        'ModelGate-Artifact: models/churn/model.onnx',
        `ModelGate-Artifact-SHA256: ${'a'.repeat(64)}`,
        `ModelGate-Report-SHA256: ${'b'.repeat(64)}`,
        `ModelGate-Evaluation-Digest: ${'d'.repeat(64)}`,
        '',
      ].join('\n'),
    );
  });

  test('round trip, absent values left out', () => {
    const message = buildTagMessage({ ...annotation, reportSha256: null, rollbackOf: 'churn@v1.1.0' });
    expect(parseTagTrailers(message)).toEqual({
      model: 'team/churn',
      version: '1.4.0',
      promotion: 'pull/42',
      artifactPath: 'models/churn/model.onnx',
      artifactSha256: 'a'.repeat(64),
      evaluationDigest: 'd'.repeat(64),
      rollbackOf: 'churn@v1.1.0',
    });
  });

  test('a reason with line breaks cannot add a forged trailer', () => {
    const message = buildTagMessage({
      ...annotation,
      promotion: 'rollback/1',
      summary: 'drift\nModelGate-Promotion: pull/999',
    });
    expect(parseTagTrailers(message).promotion).toBe('rollback/1');
    expect(message.split('\n').filter((line) => line.startsWith('ModelGate-Promotion'))).toEqual([
      'ModelGate-Promotion: rollback/1',
    ]);
  });

  test.each([null, undefined, '', 'just a tag'])('no trailers in %j', (message) => {
    expect(parseTagTrailers(message)).toEqual({});
  });
});
