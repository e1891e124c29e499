import { AstUtils, CstUtils, GrammarAST, type AstNode, type IndexManager, type LangiumDocument, type Lexer, type NameProvider } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isMicroCredential, isModel } from '../generated/ast.js';

/** What a designer calls each kind of declaration, in messages. */
const KIND_NAMES: Readonly<Record<string, string>> = {
    Provider: 'provider',
    MicroCredential: 'micro-credential',
    Pathway: 'pathway',
    Cohort: 'cohort',
    Outcome: 'outcome',
    Assessment: 'assessment',
    Module: 'module'
};

/**
 * Rename across the files of the workspace (Langium's references index), refused with a message
 * when the new name is not a name of the language or would give two declarations the same name:
 * top-level names are unique in the workspace, outcome, module and assessment names in their credential.
 */
export class McredRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;
    private readonly indexManager: IndexManager;
    private readonly names: NameProvider;
    /** Keywords that the `Name` rule accepts as names (soft keywords). */
    private readonly softKeywords: ReadonlySet<string>;

    constructor(services: LangiumServices) {
        super(services);
        this.lexer = services.parser.Lexer;
        this.indexManager = services.shared.workspace.IndexManager;
        this.names = services.references.NameProvider;
        const nameRule = services.Grammar.rules.find(rule => rule.name === 'Name');
        this.softKeywords = new Set(nameRule ? keywordsOf(nameRule) : []);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (target) {
            this.checkValidName(params.newName);
            this.checkNoClash(target, params.newName);
        }
        return super.rename(document, params);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** A name is one identifier (letters, digits, `_`, `-`; not starting with a digit) or a soft keyword. */
    private checkValidName(newName: string): void {
        const { tokens, errors } = this.lexer.tokenize(newName);
        const token = tokens.length === 1 && errors.length === 0 ? tokens[0] : undefined;
        const valid = token !== undefined && token.image === newName
            && (token.tokenType.name === 'ID' || this.softKeywords.has(token.image));
        if (!valid) {
            throw new ResponseError(LSPErrorCodes.RequestFailed,
                `'${newName}' is not a valid name: use letters, digits, '_' or '-', starting with a letter or '_'.`);
        }
    }

    private checkNoClash(target: AstNode, newName: string): void {
        const current = this.names.getName(target);
        if (current === newName) return;
        const clash = isModel(target.$container) ? this.topLevelDeclaration(newName) : this.siblingDeclaration(target, newName);
        if (clash) {
            throw new ResponseError(LSPErrorCodes.RequestFailed,
                `Cannot rename '${current}' to '${newName}': ${clash} is already called '${newName}'.`);
        }
    }

    /** A provider, credential, pathway or cohort of the workspace with that name (an index lookup). */
    private topLevelDeclaration(name: string): string | undefined {
        const existing = this.indexManager.allElements().find(description => description.name === name);
        if (!existing) return undefined;
        const file = existing.documentUri.path.split('/').pop();
        return `the ${KIND_NAMES[existing.type] ?? existing.type} in ${file}`;
    }

    /** An outcome, assessment or module of the same credential with that name. */
    private siblingDeclaration(target: AstNode, name: string): string | undefined {
        const credential = AstUtils.getContainerOfType(target, isMicroCredential);
        if (!credential) return undefined;
        const sibling = [...credential.outcomes, ...credential.assessments, ...credential.modules].find(node => node !== target && node.name === name);
        return sibling && `${KIND_NAMES[sibling.$type] === 'outcome' ? 'an outcome' : `a${KIND_NAMES[sibling.$type] === 'assessment' ? 'n' : ''} ${KIND_NAMES[sibling.$type]}`} of ${credential.name}`;
    }
}

function keywordsOf(rule: GrammarAST.AbstractRule, seen = new Set<GrammarAST.AbstractRule>()): string[] {
    if (seen.has(rule)) return [];
    seen.add(rule);
    return AstUtils.streamAllContents(rule).toArray().flatMap(node => {
        if (GrammarAST.isKeyword(node)) return [node.value];
        if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref)) return keywordsOf(node.rule.ref, seen);
        return [];
    });
}
