package dev.scimkit.core.search;

import static dev.scimkit.core.search.SearchFixtures.WIDGET_TYPE;
import static dev.scimkit.core.search.SearchFixtures.json;
import static dev.scimkit.core.search.SearchFixtures.representation;
import static dev.scimkit.core.search.SearchFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator against every attribute type, each row checked on a stored resource and on its
 * full representation (which must agree). Documents are written with single quotes.
 */
class FilterEvaluatorOperatorTableTest {

  private final FilterEvaluator widgets = FilterEvaluator.forType(WIDGET_TYPE);

  /** Two parts: a big primary one of size 3, and a small one of size 10. */
  private static final String PARTS =
      "{'parts':[{'value':'a1','kind':'big','size':3,'primary':true},"
          + "{'value':'b2','kind':'small','size':10}]}";

  private void check(String document, String filter, boolean expected) {
    StoredResource r = stored("w-1", json(document));
    Filter f = Filters.parse(filter);
    assertThat(widgets.matches(f, r)).as("stored: %s on %s", filter, document).isEqualTo(expected);
    assertThat(widgets.matches(f, representation(r, WIDGET_TYPE)))
        .as("representation: %s on %s", filter, document)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'str':'Hello World'} | str eq "hello world"  | true
          {'str':'Hello World'} | str eq "Hello"        | false
          {'str':'Hello World'} | str ne "HELLO WORLD"  | false
          {'str':'Hello World'} | str ne "x"            | true
          {'str':'Hello World'} | str co "LO wo"        | true
          {'str':'Hello World'} | str co "xyz"          | false
          {'str':'Hello World'} | str co ""             | true
          {'str':'Hello World'} | str sw "HELLO"        | true
          {'str':'Hello World'} | str sw "World"        | false
          {'str':'Hello World'} | str ew "WORLD"        | true
          {'str':'Hello World'} | str ew "Hello"        | false
          {'str':'Hello World'} | str gt "hello"        | true
          {'str':'Hello World'} | str gt "I"            | false
          {'str':'Hello World'} | str ge "HELLO WORLD"  | true
          {'str':'Hello World'} | str lt "i"            | true
          {'str':'Hello World'} | str lt "Hello"        | false
          {'str':'Hello World'} | str le "hello world"  | true
          {'str':'Hello World'} | str pr                | true
          {'str':'Hello World'} | str eq 5              | false
          {'str':'5'}           | str eq 5              | true
          {'str':'true'}        | str eq true           | true
          """)
  void strings_compareIgnoringCase(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'exact':'Hello'} | exact eq "Hello" | true
          {'exact':'Hello'} | exact eq "hello" | false
          {'exact':'Hello'} | exact ne "hello" | true
          {'exact':'Hello'} | exact co "ell"   | true
          {'exact':'Hello'} | exact co "ELL"   | false
          {'exact':'Hello'} | exact sw "He"    | true
          {'exact':'Hello'} | exact sw "he"    | false
          {'exact':'Hello'} | exact ew "lo"    | true
          {'exact':'Hello'} | exact ew "LO"    | false
          {'exact':'Hello'} | exact gt "Hello" | false
          {'exact':'Hello'} | exact ge "Hello" | true
          {'exact':'Hello'} | exact gt "H"     | true
          {'exact':'Hello'} | exact lt "a"     | true
          {'exact':'Hello'} | exact le "HELLO" | false
          """)
  void caseExactStrings_compareRespectingCase(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'flag':false}  | flag eq false   | true
          {'flag':false}  | flag eq true    | false
          {'flag':false}  | flag ne true    | true
          {'flag':false}  | flag ne false   | false
          {'flag':false}  | flag eq "False" | true
          {'flag':false}  | flag eq "TRUE"  | false
          {'flag':false}  | flag eq "no"    | false
          {'flag':false}  | flag pr         | true
          {'flag':false}  | flag co "als"   | true
          {'flag':false}  | flag sw "F"     | true
          {'flag':false}  | flag ew "se"    | true
          {'flag':true}   | flag eq true    | true
          {'flag':'True'} | flag eq true    | true
          {'flag':'True'} | flag ne true    | false
          {'flag':'True'} | flag eq "true"  | true
          {'flag':'FALSE'}| flag eq false   | true
          """)
  void booleans_supportEqualityAndTextFormsOfTrueAndFalse(
      String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'dec':1.5}   | dec eq 1.50   | true
          {'dec':1.5}   | dec eq 1.5    | true
          {'dec':1.5}   | dec eq 1      | false
          {'dec':1.5}   | dec ne 2      | true
          {'dec':1.5}   | dec ne 1.5    | false
          {'dec':1.5}   | dec gt 1.4    | true
          {'dec':1.5}   | dec gt 1.5    | false
          {'dec':1.5}   | dec ge 1.5    | true
          {'dec':1.5}   | dec lt 2      | true
          {'dec':1.5}   | dec lt 1.5    | false
          {'dec':1.5}   | dec le 1.5    | true
          {'dec':1.5}   | dec gt -1e3   | true
          {'dec':1.5}   | dec lt 15e-1  | false
          {'dec':1.5}   | dec eq "1.5"  | true
          {'dec':1.5}   | dec co "5"    | true
          {'dec':1.5}   | dec sw "1."   | true
          {'dec':1.5}   | dec ew ".5"   | true
          {'dec':1.5}   | dec pr        | true
          {'dec':0}     | dec pr        | true
          {'num':42}    | num eq 42     | true
          {'num':42}    | num eq 42.0   | true
          {'num':42}    | num gt 41     | true
          {'num':42}    | num gt 42     | false
          {'num':42}    | num ge 43     | false
          {'num':42}    | num lt 100    | true
          {'num':42}    | num le 42     | true
          {'num':42}    | num ne 42     | false
          {'num':42}    | num co "2"    | true
          {'num':42}    | num sw "4"    | true
          {'num':42}    | num ew "2"    | true
          {'num':'42'}  | num eq 42     | true
          {'num':'42'}  | num gt 9      | true
          {'num':42}    | num gt "9"    | true
          {'num':'abc'} | num eq "ABC"  | true
          {'num':123456789012345678901234567890} | num gt 123456789012345678901234567889 | true
          """)
  void numbers_compareNumerically(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'when':'2011-05-13T04:42:34Z'} | when eq "2011-05-13T04:42:34Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when eq "2011-05-13T06:42:34+02:00" | true
          {'when':'2011-05-13T04:42:34Z'} | when eq "2011-05-13T04:42:34.000Z"  | true
          {'when':'2011-05-13T04:42:34Z'} | when eq "2011-05-13T04:42:34"      | true
          {'when':'2011-05-13T04:42:34Z'} | when ne "2011-05-13T04:42:35Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when gt "2011-05-13T04:42:33Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when gt "2011-05-13T04:42:34Z"      | false
          {'when':'2011-05-13T04:42:34Z'} | when ge "2011-05-13T04:42:34Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when lt "2012-01-01T00:00:00Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when le "2011-05-13T04:42:34Z"      | true
          {'when':'2011-05-13T04:42:34Z'} | when lt "2011-05-13T05:00:00+02:00" | false
          {'when':'2011-05-13T04:42:34Z'} | when gt "2011-05-13T05:00:00+02:00" | true
          {'when':'2011-05-13T04:42:34Z'} | when co "05-13"                     | true
          {'when':'2011-05-13T04:42:34Z'} | when sw "2011"                      | true
          {'when':'2011-05-13T04:42:34Z'} | when ew "34z"                       | true
          {'when':'2011-05-13T04:42:34Z'} | when gt "2011"                      | true
          {'when':'2011-05-13T04:42:34Z'} | when eq "not a date"                | false
          {'when':'2011-05-13T04:42:34Z'} | when pr                             | true
          {'when':'yesterday'}            | when eq "YESTERDAY"                 | true
          {'when':'yesterday'}            | when gt "2011-05-13T04:42:34Z"      | true
          """)
  void dateTimes_compareAsInstantsOrElseAsText(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'ref':'https://Example.com/Users/1'} | ref eq "https://example.com/users/1" | true
          {'ref':'https://Example.com/Users/1'} | ref co "EXAMPLE"                     | true
          {'ref':'https://Example.com/Users/1'} | ref sw "HTTPS://"                    | true
          {'ref':'https://Example.com/Users/1'} | ref ew "/1"                          | true
          {'ref':'https://Example.com/Users/1'} | ref gt "https://a"                   | true
          {'bin':'TWFu'}                        | bin eq "TWFu"                        | true
          {'bin':'TWFu'}                        | bin eq "twfu"                        | false
          {'bin':'TWFu'}                        | bin ne "twfu"                        | true
          {'bin':'TWFu'}                        | bin co "WF"                          | true
          {'bin':'TWFu'}                        | bin sw "TW"                          | true
          {'bin':'TWFu'}                        | bin ew "Fu"                          | true
          {'bin':'TWFu'}                        | bin pr                               | true
          """)
  void referencesAndBinaries_compareAsText(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'tags':['red','Green']} | tags eq "green"           | true
          {'tags':['red','Green']} | tags eq "blue"            | false
          {'tags':['red','Green']} | tags ne "red"             | false
          {'tags':['red','Green']} | tags ne "blue"            | true
          {'tags':['red','Green']} | tags co "ree"             | true
          {'tags':['red','Green']} | tags sw "R"               | true
          {'tags':['red','Green']} | tags ew "N"               | true
          {'tags':['red','Green']} | tags gt "q"               | true
          {'tags':['red','Green']} | tags lt "a"               | false
          {'tags':['red','Green']} | tags pr                   | true
          {'tags':[]}              | tags pr                   | false
          {'tags':['']}            | tags pr                   | false
          {'tags':[null]}          | tags pr                   | false
          {'tags':[]}              | tags ne "red"             | true
          {'tags':'red'}           | tags eq "red"             | true
          {'nums':[3,10]}          | nums gt 5                 | true
          {'nums':[3,10]}          | nums lt 3                 | false
          {'nums':[3,10]}          | nums eq 10                | true
          {'nums':[3,10]}          | nums ge 10                | true
          {'nums':[3,10]}          | nums gt 10                | false
          {'nums':[3,10]}          | nums gt 5 and nums lt 5   | true
          {'str':'x'}              | nums pr                   | false
          """)
  void multiValuedAttributes_matchWhenAnyValueMatches(
      String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          PARTS                      | parts eq "B2"                                 | true
          PARTS                      | parts co "1"                                  | true
          PARTS                      | parts ne "c3"                                 | true
          PARTS                      | parts.kind eq "SMALL"                         | true
          PARTS                      | parts.kind ne "big"                           | false
          PARTS                      | parts.size gt 5                               | true
          PARTS                      | parts.size gt 10                              | false
          PARTS                      | parts.primary eq true                         | true
          PARTS                      | parts.primary pr                              | true
          PARTS                      | parts[kind eq "big" and size gt 5]            | false
          PARTS                      | parts[kind eq "small" and size gt 5]          | true
          PARTS                      | parts[kind eq "big"] and parts[size gt 5]     | true
          PARTS                      | parts[not (kind eq "big")]                    | true
          PARTS                      | parts[primary eq true and value eq "a1"]      | true
          PARTS                      | parts[primary eq true and value eq "b2"]      | false
          PARTS                      | parts[kind eq "small"].value eq "b2"          | true
          PARTS                      | parts[kind eq "big"].value eq "b2"            | false
          PARTS                      | parts[size pr] and parts[kind pr]             | true
          PARTS                      | parts[kind eq "big" or kind eq "huge"]        | true
          PARTS                      | parts pr                                      | true
          {'parts':[]}               | parts pr                                      | false
          {'parts':[{}]}             | parts pr                                      | false
          {'parts':[{'kind':''}]}    | parts pr                                      | false
          {'parts':[]}               | parts[kind eq "big"]                          | false
          {'parts':[]}               | parts.kind ne "big"                           | true
          {'parts':[{'kind':'big'}]} | parts.size pr                                 | false
          {'parts':[{'kind':'big'}]} | parts[not (size pr)]                          | true
          {'parts':{'value':'solo'}} | parts eq "solo"                               | true
          {'dims':{'width':2}}       | dims pr                                       | true
          {'dims':{}}                | dims pr                                       | false
          {'dims':{'width':null}}    | dims pr                                       | false
          {'dims':{'width':2}}       | dims.width gt 1                               | true
          {'dims':{'width':2}}       | dims.height pr                                | false
          {'dims':{'width':2}}       | dims[width gt 1]                              | true
          {'dims':{'width':2}}       | dims[width gt 1 and height pr]                | false
          {'dims':{'width':2}}       | dims[not (height pr)]                         | true
          {'str':'x'}                | dims[not (height pr)]                         | false
          """)
  void complexAttributes_compareSubAttributesAndValueFilters(
      String document, String filter, boolean expected) {
    check(document.equals("PARTS") ? PARTS : document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'num':1}          | str pr                | false
          {'num':1}          | str eq null           | true
          {'num':1}          | str ne null           | false
          {'num':1}          | str eq "x"            | false
          {'num':1}          | str ne "x"            | true
          {'num':1}          | not (str eq "x")      | true
          {'num':1}          | str gt "a"            | false
          {'num':1}          | str lt "a"            | false
          {'str':null}       | str pr                | false
          {'str':null}       | str eq null           | true
          {'str':''}         | str pr                | false
          {'str':''}         | str eq null           | true
          {'str':'x'}        | str eq null           | false
          {'str':'x'}        | str ne null           | true
          {'flag':false}     | flag ne null          | true
          {'parts':[{'kind':'a'}]}   | parts.size eq null                            | true
          """)
  void absentValues_matchNeAndEqNullButNothingElse(
      String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'str':'x'} | nope eq "x"                 | false
          {'str':'x'} | nope ne "x"                 | false
          {'str':'x'} | not (nope eq "x")           | false
          {'str':'x'} | str eq "x" or nope pr       | false
          {'str':'x'} | str.sub eq "x"              | false
          {'str':'x'} | parts[nope eq "x"]          | false
          {'str':'x'} | urn:unknown:schema:str eq "x" | false
          """)
  void unknownAttributes_makeTheWholeFilterMatchNothing(
      String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{1} on {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extra':'Yes'}} | extra eq "yes"                                                      | true
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extra':'Yes'}} | urn:example:scim:schemas:extension:WidgetExtra:extra eq "yes"       | true
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extra':'Yes'}} | URN:EXAMPLE:SCIM:SCHEMAS:EXTENSION:WIDGETEXTRA:EXTRA eq "yes"       | true
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extra':'Yes'}} | urn:example:scim:schemas:extension:WidgetExtra:extra ne "yes"       | false
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extraNum':7}}  | extraNum ge 7                                                       | true
          {'urn:example:scim:schemas:extension:WidgetExtra':{'extra':'Yes'}} | extraNum pr                                                         | false
          {'extra':'Yes'}                                                    | extra eq "yes"                                                      | false
          {'urn:example:scim:schemas:Widget:str':'no'}                       | str eq "no"                                                         | false
          {'str':'no'}                                                       | urn:example:scim:schemas:Widget:str eq "no"                         | true
          {'str':'no'}                                                       | STR EQ "NO"                                                         | true
          {'parts':[{'kind':'Big'}]} | PARTS[KIND eq "big"]                          | true
          {'parts':[{'kind':'Big'}]} | Parts.Kind eq "big"                           | true
          """)
  void names_resolveInAnyCaseQualifiedOrNot(String document, String filter, boolean expected) {
    check(document, filter, expected);
  }

  @ParameterizedTest(name = "{0} eq {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          ÄRGER        | ärger     | true
          Ärger        | ÄRGER     | true
          \u212A       | k         | true
          x\u212A      | XK        | true
          \u0131       | i         | false
          \u0130       | i         | false
          STRASSE      | straße    | false
          ΟΔΥΣΣΕΥΣ     | οδυσσευς  | true
          Hello        | hellO     | true
          Hello        | hell      | false
          """)
  void caseFolding_isLowerCaseInTheRootLocale_withAndWithoutTheAsciiShortcut(
      String stored, String literal, boolean expected) {
    String value = unescape(stored);
    String wanted = unescape(literal);
    assertThat(value.toLowerCase(java.util.Locale.ROOT).equals(wanted.toLowerCase(java.util.Locale.ROOT)))
        .as("the reference fold agrees with the table")
        .isEqualTo(expected);
    StoredResource r = stored("w-1", SearchFixtures.JSON.createObjectNode().put("str", value));
    Filter f = new Filter.Comparison(
        dev.scimkit.filter.AttributePath.of("str"),
        dev.scimkit.filter.ComparisonOperator.EQ,
        dev.scimkit.filter.FilterValue.of(wanted));
    assertThat(widgets.matches(f, r)).isEqualTo(expected);
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }
}
