import { describe, expect, test } from 'vitest';
import { outcomeWording } from '../../language-server/model/outcome-wording.js';
import { isMeasurableVerb, measurableVerbLevel } from '../../language-server/vocab/action-verbs.js';

describe('measurable action verbs', () => {
    test.each([
        ['explain', 'understand'], ['Evaluates', 'evaluate'], ['applying', 'apply'], ['designed', 'create'],
        ['analyze', 'analyse'], ['planned', 'create'], ['mapping', 'analyse'], ['identifies', 'remember']
    ])('%s is a %s verb', (word, level) => {
        expect(measurableVerbLevel(word)).toBe(level);
    });

    test.each(['understand', 'know', 'aware', 'learn', 'ethics'])('%s is not measurable', word => {
        expect(isMeasurableVerb(word)).toBe(false);
    });
});

describe('outcome wording (qa-structure-outcomes)', () => {
    test.each([
        'Explain the main ethical principles that apply to AI systems',
        'Evaluate an AI application against the EU AI Act risk categories',
        'The learner will be able to design a data pipeline',
        'Learners can critically assess risk registers',
        'Be able to apply the GDPR to a research project',
        'Understand and apply the EU AI Act risk categories',
        'Know how to use version control in a team',
        'Demonstrate the ability to debug a failing test suite',
        'On completion, students analyse case law',
        'Demonstrate a working prototype to stakeholders'
    ])('measurable: %s', statement => {
        expect(outcomeWording(statement).measurable).toBe(true);
    });

    test.each([
        ['Understand the main ethical principles of AI', 'understand', 'explain'],
        ['Know the EU AI Act', 'know', 'describe'],
        ['Be aware of the risks of generative AI', 'be aware of', 'recognise'],
        ['Learn about the design of trustworthy AI', 'learn about', 'describe'],
        ['Students will understand the design of data pipelines', 'understand', 'explain'],
        ['Understands GDPR', 'understand', 'explain']
    ])('vague: %s relies on "%s" and suggests %s', (statement, phrase, first) => {
        const wording = outcomeWording(statement);
        expect(wording.measurable).toBe(false);
        expect(wording.vague?.phrase).toBe(phrase);
        expect(wording.vague?.instead[0]).toBe(first);
    });

    test('a statement without any verb is not measurable and names no vague phrase', () => {
        expect(outcomeWording('Ethics of artificial intelligence')).toEqual({ measurable: false });
    });

    test('the vague phrase is located in the statement, for the quick fix', () => {
        const wording = outcomeWording('Learners will be aware of bias');
        expect(wording.vague).toMatchObject({ phrase: 'be aware of', start: 14, length: 11 });
    });
});
