import {
  buildCommandArgv,
  CommandTemplateError,
  parseCommandTemplate,
} from '../../../action/runners/parse-command.js';

describe('parseCommandTemplate', () => {
  it.each([
    ['python predict.py --model {model}', ['python', 'predict.py', '--model', '{model}']],
    ['  a\tb\n c  ', ['a', 'b', 'c']],
    [`python -c 'print("a b")'`, ['python', '-c', 'print("a b")']],
    [`echo "it's \\"quoted\\" \\n"`, ['echo', `it's "quoted" \\n`]],
    ['a\\ b c', ['a b', 'c']],
    [`x'y'"z"`, ['xyz']],
    [`a '' b`, ['a', '', 'b']],
    [`sh -c 'sleep 1 | cat > $OUT'`, ['sh', '-c', 'sleep 1 | cat > $OUT']],
    ['a\\|b', ['a|b']],
  ])('splits %j', (template, words) => {
    expect(parseCommandTemplate(template)).toEqual(words);
  });

  it.each([
    ['python p.py | tee log', "'|' at character 13 needs a shell"],
    ['python p.py > out.csv', "'>' at character 13 needs a shell"],
    ['a && b', "'&' at character 3 needs a shell"],
    ['echo $HOME', "'$' at character 6 needs a shell"],
    ["echo 'open", "unterminated ' quote"],
    ['echo "open', 'unterminated " quote'],
    ['echo \\', 'lone backslash'],
    ['   ', 'the command is empty'],
  ])('rejects %j', (template, message) => {
    expect(() => parseCommandTemplate(template)).toThrow(CommandTemplateError);
    expect(() => parseCommandTemplate(template)).toThrow(message);
  });
});

describe('buildCommandArgv', () => {
  it('substitutes paths after splitting, so spaces and quotes in them stay one word', () => {
    const argv = buildCommandArgv('python predict.py --model {model} --data={data} --out "{out}" {other}', {
      model: "models/it's a model.pkl",
      data: 'data/eval set.csv',
      out: '/tmp/x y/$(rm -rf).csv',
    });
    expect(argv).toEqual([
      'python',
      'predict.py',
      '--model',
      "models/it's a model.pkl",
      '--data=data/eval set.csv',
      '--out',
      '/tmp/x y/$(rm -rf).csv',
      '{other}',
    ]);
  });
});
