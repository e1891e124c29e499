import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Langium's value conversion, plus the language tag of a translation: `@fi` becomes `fi`, so
 * that the syntax tree holds the ISO 639-1 code as written after the `@`.
 */
export class McredValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'LANG_TAG') {
            return input.slice(1);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
