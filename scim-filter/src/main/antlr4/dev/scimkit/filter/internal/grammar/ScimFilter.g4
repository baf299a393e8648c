/*
 * The SCIM filter language of RFC 7644 section 3.4.2.2 and the PATCH path of section 3.5.2,
 * plus the form Microsoft Entra ID sends outside the RFC grammar:
 *   emails[type eq "work"].value eq "x@y"
 *
 * The grammar is kept flat (loops, not left recursion) so that long and/or chains never
 * recurse, and SLL-decidable so that the fast prediction mode always succeeds on valid input.
 * Attribute paths are one token (ATTR_PATH); the AST builder splits off the schema URN
 * and the sub-attribute and validates the names, so that its messages can point at the exact
 * character. Keywords are case-insensitive.
 */
grammar ScimFilter;

options { caseInsensitive = true; }

// ---- parser ---------------------------------------------------------------------------------

filter         : orExpr EOF ;

patchPath      : ATTR_PATH (valueFilter (DOT ATTR_PATH)?)? EOF ;

orExpr         : andExpr (OR andExpr)* ;

andExpr        : unaryExpr (AND unaryExpr)* ;

// Every decision is LL(1): after an attribute path, one token says which form follows.
unaryExpr
    : NOT LPAREN orExpr RPAREN                                         # notExpr
    | LPAREN orExpr RPAREN                                             # groupExpr
    | ATTR_PATH ( condition | valueFilter (DOT ATTR_PATH condition)? ) # attrExpr
    ;

condition      : PR | compareOp compValue ;

valueFilter    : LBRACKET orExpr RBRACKET ;

compareOp   : EQ | NE | CO | SW | EW | GT | LT | GE | LE ;

compValue   : STRING | NUMBER | TRUE | FALSE | NULL ;

// ---- lexer ----------------------------------------------------------------------------------
// Keywords come before ATTR_PATH so that a keyword wins a tie of equal length.

AND       : 'and' ;
OR        : 'or' ;
NOT       : 'not' ;
PR        : 'pr' ;
EQ        : 'eq' ;
NE        : 'ne' ;
CO        : 'co' ;
SW        : 'sw' ;
EW        : 'ew' ;
GT        : 'gt' ;
LT        : 'lt' ;
GE        : 'ge' ;
LE        : 'le' ;
TRUE      : 'true' ;
FALSE     : 'false' ;
NULL      : 'null' ;

LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
DOT       : '.' ;

// Loose on purpose: escapes and control characters are checked by the AST builder, which can
// then name the exact offending character.
STRING    : '"' ( ~["\\] | '\\' . )* '"' ;

// A string with no closing quote, so the error can say exactly that.
UNTERMINATED_STRING : '"' ( ~["\\] | '\\' . )* '\\'? ;

NUMBER    : '-'? INT ( '.' [0-9]+ )? ( 'e' [+\-]? [0-9]+ )? ;

// attrPath = [URI ":"] ATTRNAME *1subAttr, split and validated by the AST builder.
ATTR_PATH : [a-z$] [a-z0-9_$:.\-]* ;

WS        : [ \t\r\n]+ -> skip ;

// Anything else becomes a token the parser cannot place, so lexing never fails on its own.
UNEXPECTED_CHAR : . ;

fragment INT : '0' | [1-9] [0-9]* ;
