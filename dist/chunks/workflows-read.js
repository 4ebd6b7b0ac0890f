import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  parseRemoteUses,
  remoteKey
} from "./shared-workflows-remote.js";
import {
  YAMLException,
  actionFileCandidates,
  getScalarValue,
  parseEvents,
  resolveLocal
} from "./shared-workflows-paths.js";
import {
  permissionsBlock
} from "./shared-workflows-github-token-from-model.js";
import {
  limitsWith
} from "./shared-workflows-limits.js";
import {
  grantOfBlock
} from "./shared-workflows-github-token-effective.js";
import {
  awsSettings,
  detectOidcRequest,
  isConfigureAwsCredentials
} from "./shared-workflows-github-token-scopes.js";
import "./shared-text-edit-distance.js";
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import {
  __commonJS,
  __export,
  __toESM
} from "./shared-runtime-efb0f0b2.js";

// node_modules/cronstrue/dist/cronstrue.js
var require_cronstrue = __commonJS({
  "node_modules/cronstrue/dist/cronstrue.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory();
      else if (typeof define === "function" && define.amd)
        define("cronstrue", [], factory);
      else if (typeof exports === "object")
        exports["cronstrue"] = factory();
      else
        root["cronstrue"] = factory();
    })(globalThis, () => {
      return (
        /******/
        (() => {
          "use strict";
          var __webpack_modules__ = {
            /***/
            949: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.CronParser = void 0;
                var rangeValidator_1 = __webpack_require__2(515);
                var CronParser = (function() {
                  function CronParser2(expression, dayOfWeekStartIndexZero, monthStartIndexZero) {
                    if (dayOfWeekStartIndexZero === void 0) {
                      dayOfWeekStartIndexZero = true;
                    }
                    if (monthStartIndexZero === void 0) {
                      monthStartIndexZero = false;
                    }
                    this.expression = expression;
                    this.dayOfWeekStartIndexZero = dayOfWeekStartIndexZero;
                    this.monthStartIndexZero = monthStartIndexZero;
                  }
                  CronParser2.prototype.parse = function() {
                    var _a;
                    var parsed;
                    var expression = (_a = this.expression) !== null && _a !== void 0 ? _a : "";
                    if (expression === "@reboot") {
                      parsed = ["@reboot", "", "", "", "", "", ""];
                      return parsed;
                    } else if (expression.startsWith("@")) {
                      var special = this.parseSpecial(this.expression);
                      parsed = this.extractParts(special);
                    } else {
                      parsed = this.extractParts(this.expression);
                    }
                    this.normalize(parsed);
                    this.validate(parsed);
                    return parsed;
                  };
                  CronParser2.prototype.parseSpecial = function(expression) {
                    var specialExpressions = {
                      "@yearly": "0 0 1 1 *",
                      "@annually": "0 0 1 1 *",
                      "@monthly": "0 0 1 * *",
                      "@weekly": "0 0 * * 0",
                      "@daily": "0 0 * * *",
                      "@midnight": "0 0 * * *",
                      "@hourly": "0 * * * *",
                      "@reboot": "@reboot"
                    };
                    var special = specialExpressions[expression];
                    if (!special) {
                      throw new Error("Unknown special expression.");
                    }
                    return special;
                  };
                  CronParser2.prototype.extractParts = function(expression) {
                    if (!this.expression) {
                      throw new Error("cron expression is empty");
                    }
                    var parsed = expression.trim().split(/[ ]+/);
                    for (var i = 0; i < parsed.length; i++) {
                      if (parsed[i].includes(",")) {
                        var arrayElement = parsed[i].split(",").map(function(item) {
                          return item.trim();
                        }).filter(function(item) {
                          return item !== "";
                        }).map(function(item) {
                          return !isNaN(Number(item)) ? Number(item) : item;
                        }).filter(function(item) {
                          return item !== null && item !== "";
                        });
                        if (arrayElement.length === 0) {
                          arrayElement.push("*");
                        }
                        arrayElement.sort(function(a, b) {
                          return a !== null && b !== null ? a - b : 0;
                        });
                        parsed[i] = arrayElement.map(function(item) {
                          return item !== null ? item.toString() : "";
                        }).join(",");
                      }
                    }
                    if (parsed.length < 5) {
                      throw new Error("Expression has only ".concat(parsed.length, " part").concat(parsed.length == 1 ? "" : "s", ". At least 5 parts are required."));
                    } else if (parsed.length == 5) {
                      parsed.unshift("");
                      parsed.push("");
                    } else if (parsed.length == 6) {
                      var isYearWithNoSecondsPart = /\d{4}$/.test(parsed[5]) || parsed[4] == "?" || parsed[2] == "?";
                      if (isYearWithNoSecondsPart) {
                        parsed.unshift("");
                      } else {
                        parsed.push("");
                      }
                    } else if (parsed.length > 7) {
                      throw new Error("Expression has ".concat(parsed.length, " parts; too many!"));
                    }
                    return parsed;
                  };
                  CronParser2.prototype.normalize = function(expressionParts) {
                    var _this = this;
                    expressionParts[3] = expressionParts[3].replace("?", "*");
                    expressionParts[5] = expressionParts[5].replace("?", "*");
                    expressionParts[2] = expressionParts[2].replace("?", "*");
                    if (expressionParts[0].indexOf("0/") == 0) {
                      expressionParts[0] = expressionParts[0].replace("0/", "*/");
                    }
                    if (expressionParts[1].indexOf("0/") == 0) {
                      expressionParts[1] = expressionParts[1].replace("0/", "*/");
                    }
                    if (expressionParts[2].indexOf("0/") == 0) {
                      expressionParts[2] = expressionParts[2].replace("0/", "*/");
                    }
                    if (expressionParts[3].indexOf("1/") == 0) {
                      expressionParts[3] = expressionParts[3].replace("1/", "*/");
                    }
                    if (expressionParts[4].indexOf("1/") == 0) {
                      expressionParts[4] = expressionParts[4].replace("1/", "*/");
                    }
                    if (expressionParts[6].indexOf("1/") == 0) {
                      expressionParts[6] = expressionParts[6].replace("1/", "*/");
                    }
                    expressionParts[5] = expressionParts[5].replace(/(^\d)|([^#/\s]\d)/g, function(t) {
                      var dowDigits = t.replace(/\D/, "");
                      var dowDigitsAdjusted = dowDigits;
                      if (_this.dayOfWeekStartIndexZero) {
                        if (dowDigits == "7") {
                          dowDigitsAdjusted = "0";
                        }
                      } else {
                        dowDigitsAdjusted = (parseInt(dowDigits) - 1).toString();
                      }
                      return t.replace(dowDigits, dowDigitsAdjusted);
                    });
                    if (expressionParts[5] == "L") {
                      expressionParts[5] = "6";
                    }
                    if (expressionParts[3] == "?") {
                      expressionParts[3] = "*";
                    }
                    if (expressionParts[3].indexOf("W") > -1 && (expressionParts[3].indexOf(",") > -1 || expressionParts[3].indexOf("-") > -1)) {
                      throw new Error("The 'W' character can be specified only when the day-of-month is a single day, not a range or list of days.");
                    }
                    var days = {
                      SUN: 0,
                      MON: 1,
                      TUE: 2,
                      WED: 3,
                      THU: 4,
                      FRI: 5,
                      SAT: 6
                    };
                    for (var day in days) {
                      expressionParts[5] = expressionParts[5].replace(new RegExp(day, "gi"), days[day].toString());
                    }
                    expressionParts[4] = expressionParts[4].replace(/(^\d{1,2})|([^#/\s]\d{1,2})/g, function(t) {
                      var dowDigits = t.replace(/\D/, "");
                      var dowDigitsAdjusted = dowDigits;
                      if (_this.monthStartIndexZero) {
                        dowDigitsAdjusted = (parseInt(dowDigits) + 1).toString();
                      }
                      return t.replace(dowDigits, dowDigitsAdjusted);
                    });
                    var months = {
                      JAN: 1,
                      FEB: 2,
                      MAR: 3,
                      APR: 4,
                      MAY: 5,
                      JUN: 6,
                      JUL: 7,
                      AUG: 8,
                      SEP: 9,
                      OCT: 10,
                      NOV: 11,
                      DEC: 12
                    };
                    for (var month in months) {
                      expressionParts[4] = expressionParts[4].replace(new RegExp(month, "gi"), months[month].toString());
                    }
                    if (expressionParts[0] == "0") {
                      expressionParts[0] = "";
                    }
                    if (!/\*|\-|\,|\//.test(expressionParts[2]) && (/\*|\//.test(expressionParts[1]) || /\*|\//.test(expressionParts[0]))) {
                      expressionParts[2] += "-".concat(expressionParts[2]);
                    }
                    for (var i = 0; i < expressionParts.length; i++) {
                      if (expressionParts[i].indexOf(",") != -1) {
                        expressionParts[i] = expressionParts[i].split(",").filter(function(str) {
                          return str !== "";
                        }).join(",") || "*";
                      }
                      if (expressionParts[i] == "*/1") {
                        expressionParts[i] = "*";
                      }
                      if (expressionParts[i].indexOf("/") > -1 && !/^\*|\-|\,/.test(expressionParts[i])) {
                        var stepRangeThrough = null;
                        switch (i) {
                          case 4:
                            stepRangeThrough = "12";
                            break;
                          case 5:
                            stepRangeThrough = "6";
                            break;
                          case 6:
                            stepRangeThrough = "9999";
                            break;
                          default:
                            stepRangeThrough = null;
                            break;
                        }
                        if (stepRangeThrough !== null) {
                          var parts = expressionParts[i].split("/");
                          expressionParts[i] = "".concat(parts[0], "-").concat(stepRangeThrough, "/").concat(parts[1]);
                        }
                      }
                    }
                  };
                  CronParser2.prototype.validate = function(parsed) {
                    var standardCronPartCharacters = "0-9,\\-*/";
                    this.validateOnlyExpectedCharactersFound(parsed[0], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed[1], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed[2], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed[3], "0-9,\\-*/LW");
                    this.validateOnlyExpectedCharactersFound(parsed[4], standardCronPartCharacters);
                    this.validateOnlyExpectedCharactersFound(parsed[5], "0-9,\\-*/L#");
                    this.validateOnlyExpectedCharactersFound(parsed[6], standardCronPartCharacters);
                    this.validateAnyRanges(parsed);
                  };
                  CronParser2.prototype.validateAnyRanges = function(parsed) {
                    rangeValidator_1.default.secondRange(parsed[0]);
                    rangeValidator_1.default.minuteRange(parsed[1]);
                    rangeValidator_1.default.hourRange(parsed[2]);
                    rangeValidator_1.default.dayOfMonthRange(parsed[3]);
                    rangeValidator_1.default.monthRange(parsed[4], this.monthStartIndexZero);
                    rangeValidator_1.default.dayOfWeekRange(parsed[5], this.dayOfWeekStartIndexZero);
                  };
                  CronParser2.prototype.validateOnlyExpectedCharactersFound = function(cronPart, allowedCharsExpression) {
                    var invalidChars = cronPart.match(new RegExp("[^".concat(allowedCharsExpression, "]+"), "gi"));
                    if (invalidChars && invalidChars.length) {
                      throw new Error("Expression contains invalid values: '".concat(invalidChars.toString(), "'"));
                    }
                  };
                  return CronParser2;
                })();
                exports2.CronParser = CronParser;
              })
            ),
            /***/
            333: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.ExpressionDescriptor = void 0;
                var stringUtilities_1 = __webpack_require__2(823);
                var cronParser_1 = __webpack_require__2(949);
                var ExpressionDescriptor = (function() {
                  function ExpressionDescriptor2(expression, options) {
                    this.expression = expression;
                    this.options = options;
                    this.expressionParts = new Array(5);
                    if (!this.options.locale && ExpressionDescriptor2.defaultLocale) {
                      this.options.locale = ExpressionDescriptor2.defaultLocale;
                    }
                    if (!ExpressionDescriptor2.locales[this.options.locale]) {
                      var fallBackLocale = Object.keys(ExpressionDescriptor2.locales)[0];
                      console.warn("Locale '".concat(this.options.locale, "' could not be found; falling back to '").concat(fallBackLocale, "'."));
                      this.options.locale = fallBackLocale;
                    }
                    this.i18n = ExpressionDescriptor2.locales[this.options.locale];
                    if (options.use24HourTimeFormat === void 0) {
                      options.use24HourTimeFormat = this.i18n.use24HourTimeFormatByDefault();
                    }
                  }
                  ExpressionDescriptor2.toString = function(expression, _a) {
                    var _b = _a === void 0 ? {} : _a, _c = _b.throwExceptionOnParseError, throwExceptionOnParseError = _c === void 0 ? true : _c, _d = _b.verbose, verbose = _d === void 0 ? false : _d, _e = _b.dayOfWeekStartIndexZero, dayOfWeekStartIndexZero = _e === void 0 ? true : _e, _f = _b.monthStartIndexZero, monthStartIndexZero = _f === void 0 ? false : _f, use24HourTimeFormat = _b.use24HourTimeFormat, _g = _b.locale, locale = _g === void 0 ? null : _g;
                    var options = {
                      throwExceptionOnParseError,
                      verbose,
                      dayOfWeekStartIndexZero,
                      monthStartIndexZero,
                      use24HourTimeFormat,
                      locale
                    };
                    if (options.tzOffset) {
                      console.warn("'tzOffset' option has been deprecated and is no longer supported.");
                    }
                    var descripter = new ExpressionDescriptor2(expression, options);
                    return descripter.getFullDescription();
                  };
                  ExpressionDescriptor2.initialize = function(localesLoader, defaultLocale) {
                    if (defaultLocale === void 0) {
                      defaultLocale = "en";
                    }
                    ExpressionDescriptor2.specialCharacters = ["/", "-", ",", "*"];
                    ExpressionDescriptor2.defaultLocale = defaultLocale;
                    localesLoader.load(ExpressionDescriptor2.locales);
                  };
                  ExpressionDescriptor2.prototype.getFullDescription = function() {
                    var _a, _b;
                    var description = "";
                    try {
                      var parser = new cronParser_1.CronParser(this.expression, this.options.dayOfWeekStartIndexZero, this.options.monthStartIndexZero);
                      this.expressionParts = parser.parse();
                      if (this.expressionParts[0] === "@reboot") {
                        return ((_b = (_a = this.i18n).atReboot) === null || _b === void 0 ? void 0 : _b.call(_a)) || "Run once, at startup";
                      }
                      var timeSegment = this.getTimeOfDayDescription();
                      var dayOfMonthDesc = this.getDayOfMonthDescription();
                      var monthDesc = this.getMonthDescription();
                      var dayOfWeekDesc = this.getDayOfWeekDescription();
                      var yearDesc = this.getYearDescription();
                      description += timeSegment + dayOfMonthDesc + dayOfWeekDesc + monthDesc + yearDesc;
                      description = this.transformVerbosity(description, !!this.options.verbose);
                      description = description.charAt(0).toLocaleUpperCase() + description.substr(1);
                    } catch (ex) {
                      if (!this.options.throwExceptionOnParseError) {
                        description = this.i18n.anErrorOccuredWhenGeneratingTheExpressionD();
                      } else {
                        throw "".concat(ex);
                      }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getTimeOfDayDescription = function() {
                    var secondsExpression = this.expressionParts[0];
                    var minuteExpression = this.expressionParts[1];
                    var hourExpression = this.expressionParts[2];
                    var description = "";
                    if (!stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(secondsExpression, ExpressionDescriptor2.specialCharacters)) {
                      description += this.i18n.atSpace() + this.formatTime(hourExpression, minuteExpression, secondsExpression);
                    } else if (!secondsExpression && minuteExpression.indexOf("-") > -1 && !(minuteExpression.indexOf(",") > -1) && !(minuteExpression.indexOf("/") > -1) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters)) {
                      var minuteParts = minuteExpression.split("-");
                      description += stringUtilities_1.StringUtilities.format(this.i18n.everyMinuteBetweenX0AndX1(), this.formatTime(hourExpression, minuteParts[0], ""), this.formatTime(hourExpression, minuteParts[1], ""));
                    } else if (!secondsExpression && hourExpression.indexOf(",") > -1 && hourExpression.indexOf("-") == -1 && hourExpression.indexOf("/") == -1 && !stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters)) {
                      var hourParts = hourExpression.split(",");
                      description += this.i18n.at();
                      for (var i = 0; i < hourParts.length; i++) {
                        description += " ";
                        description += this.formatTime(hourParts[i], minuteExpression, "");
                        if (i < hourParts.length - 2) {
                          description += ",";
                        }
                        if (i == hourParts.length - 2) {
                          description += this.i18n.spaceAnd();
                        }
                      }
                    } else {
                      var secondsDescription = this.getSecondsDescription();
                      var minutesDescription = this.getMinutesDescription();
                      var hoursDescription = this.getHoursDescription();
                      description += secondsDescription;
                      if (description && minutesDescription) {
                        description += ", ";
                      }
                      description += minutesDescription;
                      if (minutesDescription === hoursDescription) {
                        return description;
                      }
                      if (description && hoursDescription) {
                        description += ", ";
                      }
                      description += hoursDescription;
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getSecondsDescription = function() {
                    var _this = this;
                    var description = this.getSegmentDescription(this.expressionParts[0], this.i18n.everySecond(), function(s) {
                      return s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Seconds(s), s);
                    }, function(s) {
                      return _this.i18n.secondsX0ThroughX1PastTheMinute();
                    }, function(s) {
                      return s == "0" ? "" : parseInt(s) < 20 ? _this.i18n.atX0SecondsPastTheMinute(s) : _this.i18n.atX0SecondsPastTheMinuteGt20() || _this.i18n.atX0SecondsPastTheMinute(s);
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getMinutesDescription = function() {
                    var _this = this;
                    var secondsExpression = this.expressionParts[0];
                    var hourExpression = this.expressionParts[2];
                    var description = this.getSegmentDescription(this.expressionParts[1], this.i18n.everyMinute(), function(s) {
                      return s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Minutes(s), s);
                    }, function(s) {
                      return _this.i18n.minutesX0ThroughX1PastTheHour();
                    }, function(s) {
                      try {
                        return s == "0" && hourExpression.indexOf("/") == -1 && secondsExpression == "" ? _this.i18n.everyHour() : parseInt(s) < 20 ? _this.i18n.atX0MinutesPastTheHour(s) : _this.i18n.atX0MinutesPastTheHourGt20() || _this.i18n.atX0MinutesPastTheHour(s);
                      } catch (e) {
                        return _this.i18n.atX0MinutesPastTheHour(s);
                      }
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getHoursDescription = function() {
                    var _this = this;
                    var expression = this.expressionParts[2];
                    var hourIndex = 0;
                    var rangeEndValues = [];
                    expression.split("/")[0].split(",").forEach(function(range) {
                      var rangeParts = range.split("-");
                      if (rangeParts.length === 2) {
                        rangeEndValues.push({ value: rangeParts[1], index: hourIndex + 1 });
                      }
                      hourIndex += rangeParts.length;
                    });
                    var evaluationIndex = 0;
                    var description = this.getSegmentDescription(expression, this.i18n.everyHour(), function(s) {
                      var match = rangeEndValues.find(function(r) {
                        return r.value === s && r.index === evaluationIndex;
                      });
                      var isRangeEndWithNonZeroMinute = match && _this.expressionParts[1] !== "0";
                      evaluationIndex++;
                      return isRangeEndWithNonZeroMinute ? _this.formatTime(s, "59", "") : _this.formatTime(s, "0", "");
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Hours(s), s);
                    }, function(s) {
                      return _this.i18n.betweenX0AndX1();
                    }, function(s) {
                      return _this.i18n.atX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getDayOfWeekDescription = function() {
                    var _this = this;
                    var daysOfWeekNames = this.i18n.daysOfTheWeek();
                    var description = null;
                    if (this.expressionParts[5] == "*") {
                      description = "";
                    } else {
                      description = this.getSegmentDescription(this.expressionParts[5], this.i18n.commaEveryDay(), function(s, form) {
                        var exp = s;
                        if (s.indexOf("#") > -1) {
                          exp = s.substring(0, s.indexOf("#"));
                        } else if (s.indexOf("L") > -1) {
                          exp = exp.replace("L", "");
                        }
                        var parsedExp = parseInt(exp);
                        var description2 = _this.i18n.daysOfTheWeekInCase ? _this.i18n.daysOfTheWeekInCase(form)[parsedExp] : daysOfWeekNames[parsedExp];
                        if (s.indexOf("#") > -1) {
                          var dayOfWeekOfMonthDescription = null;
                          var dayOfWeekOfMonthNumber = s.substring(s.indexOf("#") + 1);
                          var dayOfWeekNumber = s.substring(0, s.indexOf("#"));
                          switch (dayOfWeekOfMonthNumber) {
                            case "1":
                              dayOfWeekOfMonthDescription = _this.i18n.first(dayOfWeekNumber);
                              break;
                            case "2":
                              dayOfWeekOfMonthDescription = _this.i18n.second(dayOfWeekNumber);
                              break;
                            case "3":
                              dayOfWeekOfMonthDescription = _this.i18n.third(dayOfWeekNumber);
                              break;
                            case "4":
                              dayOfWeekOfMonthDescription = _this.i18n.fourth(dayOfWeekNumber);
                              break;
                            case "5":
                              dayOfWeekOfMonthDescription = _this.i18n.fifth(dayOfWeekNumber);
                              break;
                          }
                          description2 = dayOfWeekOfMonthDescription + " " + description2;
                        }
                        return description2;
                      }, function(s) {
                        if (parseInt(s) == 1) {
                          return "";
                        } else {
                          return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0DaysOfTheWeek(s), s);
                        }
                      }, function(s) {
                        var beginFrom = s.substring(0, s.indexOf("-"));
                        var domSpecified = _this.expressionParts[3] != "*";
                        return domSpecified ? _this.i18n.commaAndX0ThroughX1(beginFrom) : _this.i18n.commaX0ThroughX1(beginFrom);
                      }, function(s) {
                        var format2 = null;
                        if (s.indexOf("#") > -1) {
                          var dayOfWeekOfMonthNumber = s.substring(s.indexOf("#") + 1);
                          var dayOfWeek = s.substring(0, s.indexOf("#"));
                          format2 = _this.i18n.commaOnThe(dayOfWeekOfMonthNumber, dayOfWeek).trim() + _this.i18n.spaceX0OfTheMonth();
                        } else if (s.indexOf("L") > -1) {
                          format2 = _this.i18n.commaOnTheLastX0OfTheMonth(s.replace("L", ""));
                        } else {
                          var domSpecified = _this.expressionParts[3] != "*";
                          format2 = domSpecified ? _this.i18n.commaAndOnX0() : _this.i18n.commaOnlyOnX0(s);
                        }
                        return format2;
                      });
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getMonthDescription = function() {
                    var _this = this;
                    var monthNames = this.i18n.monthsOfTheYear();
                    var description = this.getSegmentDescription(this.expressionParts[4], "", function(s, form) {
                      return form && _this.i18n.monthsOfTheYearInCase ? _this.i18n.monthsOfTheYearInCase(form)[parseInt(s) - 1] : monthNames[parseInt(s) - 1];
                    }, function(s) {
                      if (parseInt(s) == 1) {
                        return "";
                      } else {
                        return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Months(s), s);
                      }
                    }, function(s) {
                      return _this.i18n.commaMonthX0ThroughMonthX1() || _this.i18n.commaX0ThroughX1();
                    }, function(s) {
                      return _this.i18n.commaOnlyInMonthX0 ? _this.i18n.commaOnlyInMonthX0() : _this.i18n.commaOnlyInX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getDayOfMonthDescription = function() {
                    var _this = this;
                    var description = null;
                    var expression = this.expressionParts[3];
                    switch (expression) {
                      case "L":
                        description = this.i18n.commaOnTheLastDayOfTheMonth();
                        break;
                      case "WL":
                      case "LW":
                        description = this.i18n.commaOnTheLastWeekdayOfTheMonth();
                        break;
                      default:
                        var weekDayNumberMatches = expression.match(/(\d{1,2}W)|(W\d{1,2})/);
                        if (weekDayNumberMatches) {
                          var dayNumber = parseInt(weekDayNumberMatches[0].replace("W", ""));
                          var dayString = dayNumber == 1 ? this.i18n.firstWeekday() : stringUtilities_1.StringUtilities.format(this.i18n.weekdayNearestDayX0(), dayNumber.toString());
                          description = stringUtilities_1.StringUtilities.format(this.i18n.commaOnTheX0OfTheMonth(), dayString);
                          break;
                        } else {
                          var lastDayOffSetMatches = expression.match(/L-(\d{1,2})/);
                          if (lastDayOffSetMatches) {
                            var offSetDays = lastDayOffSetMatches[1];
                            description = stringUtilities_1.StringUtilities.format(this.i18n.commaDaysBeforeTheLastDayOfTheMonth(offSetDays), offSetDays);
                            break;
                          } else if (expression == "*" && this.expressionParts[5] != "*") {
                            return "";
                          } else {
                            description = this.getSegmentDescription(expression, this.i18n.commaEveryDay(), function(s) {
                              return s == "L" ? _this.i18n.lastDay() : _this.i18n.dayX0 ? stringUtilities_1.StringUtilities.format(_this.i18n.dayX0(), s) : s;
                            }, function(s) {
                              return s == "1" ? _this.i18n.commaEveryDay() : _this.i18n.commaEveryX0Days(s);
                            }, function(s) {
                              return _this.i18n.commaBetweenDayX0AndX1OfTheMonth(s);
                            }, function(s) {
                              return _this.i18n.commaOnDayX0OfTheMonth(s);
                            });
                          }
                          break;
                        }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getYearDescription = function() {
                    var _this = this;
                    var description = this.getSegmentDescription(this.expressionParts[6], "", function(s) {
                      return /^\d+$/.test(s) ? new Date(parseInt(s), 1).getFullYear().toString() : s;
                    }, function(s) {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Years(s), s);
                    }, function(s) {
                      return _this.i18n.commaYearX0ThroughYearX1() || _this.i18n.commaX0ThroughX1();
                    }, function(s) {
                      return _this.i18n.commaOnlyInYearX0 ? _this.i18n.commaOnlyInYearX0() : _this.i18n.commaOnlyInX0();
                    });
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getSegmentDescription = function(expression, allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat) {
                    var description = null;
                    var doesExpressionContainIncrement = expression.indexOf("/") > -1;
                    var doesExpressionContainRange = expression.indexOf("-") > -1;
                    var doesExpressionContainMultipleValues = expression.indexOf(",") > -1;
                    if (!expression) {
                      description = "";
                    } else if (expression === "*") {
                      description = allDescription;
                    } else if (!doesExpressionContainIncrement && !doesExpressionContainRange && !doesExpressionContainMultipleValues) {
                      description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), getSingleItemDescription(expression));
                    } else if (doesExpressionContainMultipleValues) {
                      var segments = expression.split(",");
                      var descriptionContent = "";
                      for (var i = 0; i < segments.length; i++) {
                        if (i > 0 && segments.length > 2) {
                          descriptionContent += ",";
                          if (i < segments.length - 1) {
                            descriptionContent += " ";
                          }
                        }
                        if (i > 0 && segments.length > 1 && (i == segments.length - 1 || segments.length == 2)) {
                          descriptionContent += "".concat(this.i18n.spaceAnd(), " ");
                        }
                        if (segments[i].indexOf("/") > -1 || segments[i].indexOf("-") > -1) {
                          var isSegmentRangeWithoutIncrement = segments[i].indexOf("-") > -1 && segments[i].indexOf("/") == -1;
                          var currentDescriptionContent = this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, isSegmentRangeWithoutIncrement ? this.i18n.commaX0ThroughX1 : getRangeDescriptionFormat, getDescriptionFormat);
                          if (isSegmentRangeWithoutIncrement) {
                            currentDescriptionContent = currentDescriptionContent.replace(", ", "");
                          }
                          descriptionContent += currentDescriptionContent;
                        } else if (!doesExpressionContainIncrement) {
                          descriptionContent += getSingleItemDescription(segments[i]);
                        } else {
                          descriptionContent += this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat);
                        }
                      }
                      if (!doesExpressionContainIncrement) {
                        description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), descriptionContent);
                      } else {
                        description = descriptionContent;
                      }
                    } else if (doesExpressionContainIncrement) {
                      var segments = expression.split("/");
                      description = stringUtilities_1.StringUtilities.format(getIncrementDescriptionFormat(segments[1]), segments[1]);
                      if (segments[0].indexOf("-") > -1) {
                        var rangeSegmentDescription = this.generateRangeSegmentDescription(segments[0], getRangeDescriptionFormat, getSingleItemDescription);
                        if (rangeSegmentDescription.indexOf(", ") != 0) {
                          description += ", ";
                        }
                        description += rangeSegmentDescription;
                      } else if (segments[0].indexOf("*") == -1) {
                        var rangeItemDescription = stringUtilities_1.StringUtilities.format(getDescriptionFormat(segments[0]), getSingleItemDescription(segments[0]));
                        rangeItemDescription = rangeItemDescription.replace(", ", "");
                        description += stringUtilities_1.StringUtilities.format(this.i18n.commaStartingX0(), rangeItemDescription);
                      }
                    } else if (doesExpressionContainRange) {
                      description = this.generateRangeSegmentDescription(expression, getRangeDescriptionFormat, getSingleItemDescription);
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.generateRangeSegmentDescription = function(rangeExpression, getRangeDescriptionFormat, getSingleItemDescription) {
                    var description = "";
                    var rangeSegments = rangeExpression.split("-");
                    var rangeSegment1Description = getSingleItemDescription(rangeSegments[0], 1);
                    var rangeSegment2Description = getSingleItemDescription(rangeSegments[1], 2);
                    var rangeDescriptionFormat = getRangeDescriptionFormat(rangeExpression);
                    description += stringUtilities_1.StringUtilities.format(rangeDescriptionFormat, rangeSegment1Description, rangeSegment2Description);
                    return description;
                  };
                  ExpressionDescriptor2.prototype.formatTime = function(hourExpression, minuteExpression, secondExpression) {
                    var hourOffset = 0;
                    var minuteOffset = 0;
                    var hour = parseInt(hourExpression) + hourOffset;
                    var minute = parseInt(minuteExpression) + minuteOffset;
                    if (minute >= 60) {
                      minute -= 60;
                      hour += 1;
                    } else if (minute < 0) {
                      minute += 60;
                      hour -= 1;
                    }
                    if (hour >= 24) {
                      hour = hour - 24;
                    } else if (hour < 0) {
                      hour = 24 + hour;
                    }
                    var period = "";
                    var setPeriodBeforeTime = false;
                    if (!this.options.use24HourTimeFormat) {
                      setPeriodBeforeTime = !!(this.i18n.setPeriodBeforeTime && this.i18n.setPeriodBeforeTime());
                      period = setPeriodBeforeTime ? "".concat(this.getPeriod(hour), " ") : " ".concat(this.getPeriod(hour));
                      if (hour > 12) {
                        hour -= 12;
                      }
                      if (hour === 0) {
                        hour = 12;
                      }
                    }
                    var second = "";
                    if (secondExpression) {
                      second = ":".concat(("00" + secondExpression).substring(secondExpression.length));
                    }
                    return "".concat(setPeriodBeforeTime ? period : "").concat(("00" + hour.toString()).substring(hour.toString().length), ":").concat(("00" + minute.toString()).substring(minute.toString().length)).concat(second).concat(!setPeriodBeforeTime ? period : "");
                  };
                  ExpressionDescriptor2.prototype.transformVerbosity = function(description, useVerboseFormat) {
                    if (!useVerboseFormat) {
                      description = description.replace(new RegExp(", ".concat(this.i18n.everyMinute()), "g"), "");
                      description = description.replace(new RegExp(", ".concat(this.i18n.everyHour()), "g"), "");
                      description = description.replace(new RegExp(this.i18n.commaEveryDay(), "g"), "");
                      description = description.replace(/\, ?$/, "");
                      if (this.i18n.conciseVerbosityReplacements) {
                        for (var _i = 0, _a = Object.entries(this.i18n.conciseVerbosityReplacements()); _i < _a.length; _i++) {
                          var _b = _a[_i], key = _b[0], value = _b[1];
                          description = description.replace(new RegExp(key, "g"), value);
                        }
                      }
                    }
                    return description;
                  };
                  ExpressionDescriptor2.prototype.getPeriod = function(hour) {
                    return hour >= 12 ? this.i18n.pm && this.i18n.pm() || "PM" : this.i18n.am && this.i18n.am() || "AM";
                  };
                  ExpressionDescriptor2.locales = {};
                  return ExpressionDescriptor2;
                })();
                exports2.ExpressionDescriptor = ExpressionDescriptor;
              })
            ),
            /***/
            747: (
              /***/
              ((__unused_webpack_module, exports2, __webpack_require__2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.enLocaleLoader = void 0;
                var en_1 = __webpack_require__2(486);
                var enLocaleLoader = (function() {
                  function enLocaleLoader2() {
                  }
                  enLocaleLoader2.prototype.load = function(availableLocales) {
                    availableLocales["en"] = new en_1.en();
                  };
                  return enLocaleLoader2;
                })();
                exports2.enLocaleLoader = enLocaleLoader;
              })
            ),
            /***/
            486: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.en = void 0;
                var en = (function() {
                  function en2() {
                  }
                  en2.prototype.atX0SecondsPastTheMinuteGt20 = function() {
                    return null;
                  };
                  en2.prototype.atX0MinutesPastTheHourGt20 = function() {
                    return null;
                  };
                  en2.prototype.commaMonthX0ThroughMonthX1 = function() {
                    return null;
                  };
                  en2.prototype.commaYearX0ThroughYearX1 = function() {
                    return null;
                  };
                  en2.prototype.use24HourTimeFormatByDefault = function() {
                    return false;
                  };
                  en2.prototype.anErrorOccuredWhenGeneratingTheExpressionD = function() {
                    return "An error occurred when generating the expression description. Check the cron expression syntax.";
                  };
                  en2.prototype.everyMinute = function() {
                    return "every minute";
                  };
                  en2.prototype.everyHour = function() {
                    return "every hour";
                  };
                  en2.prototype.atSpace = function() {
                    return "At ";
                  };
                  en2.prototype.everyMinuteBetweenX0AndX1 = function() {
                    return "Every minute between %s and %s";
                  };
                  en2.prototype.at = function() {
                    return "At";
                  };
                  en2.prototype.spaceAnd = function() {
                    return " and";
                  };
                  en2.prototype.everySecond = function() {
                    return "every second";
                  };
                  en2.prototype.everyX0Seconds = function() {
                    return "every %s seconds";
                  };
                  en2.prototype.secondsX0ThroughX1PastTheMinute = function() {
                    return "seconds %s through %s past the minute";
                  };
                  en2.prototype.atX0SecondsPastTheMinute = function() {
                    return "at %s seconds past the minute";
                  };
                  en2.prototype.everyX0Minutes = function() {
                    return "every %s minutes";
                  };
                  en2.prototype.minutesX0ThroughX1PastTheHour = function() {
                    return "minutes %s through %s past the hour";
                  };
                  en2.prototype.atX0MinutesPastTheHour = function() {
                    return "at %s minutes past the hour";
                  };
                  en2.prototype.everyX0Hours = function() {
                    return "every %s hours";
                  };
                  en2.prototype.betweenX0AndX1 = function() {
                    return "between %s and %s";
                  };
                  en2.prototype.atX0 = function() {
                    return "at %s";
                  };
                  en2.prototype.commaEveryDay = function() {
                    return ", every day";
                  };
                  en2.prototype.commaEveryX0DaysOfTheWeek = function() {
                    return ", every %s days of the week";
                  };
                  en2.prototype.commaX0ThroughX1 = function() {
                    return ", %s through %s";
                  };
                  en2.prototype.commaAndX0ThroughX1 = function() {
                    return ", %s through %s";
                  };
                  en2.prototype.first = function() {
                    return "first";
                  };
                  en2.prototype.second = function() {
                    return "second";
                  };
                  en2.prototype.third = function() {
                    return "third";
                  };
                  en2.prototype.fourth = function() {
                    return "fourth";
                  };
                  en2.prototype.fifth = function() {
                    return "fifth";
                  };
                  en2.prototype.commaOnThe = function() {
                    return ", on the ";
                  };
                  en2.prototype.spaceX0OfTheMonth = function() {
                    return " %s of the month";
                  };
                  en2.prototype.lastDay = function() {
                    return "the last day";
                  };
                  en2.prototype.commaOnTheLastX0OfTheMonth = function() {
                    return ", on the last %s of the month";
                  };
                  en2.prototype.commaOnlyOnX0 = function() {
                    return ", only on %s";
                  };
                  en2.prototype.commaAndOnX0 = function() {
                    return ", and on %s";
                  };
                  en2.prototype.commaEveryX0Months = function() {
                    return ", every %s months";
                  };
                  en2.prototype.commaOnlyInX0 = function() {
                    return ", only in %s";
                  };
                  en2.prototype.commaOnTheLastDayOfTheMonth = function() {
                    return ", on the last day of the month";
                  };
                  en2.prototype.commaOnTheLastWeekdayOfTheMonth = function() {
                    return ", on the last weekday of the month";
                  };
                  en2.prototype.commaDaysBeforeTheLastDayOfTheMonth = function() {
                    return ", %s days before the last day of the month";
                  };
                  en2.prototype.firstWeekday = function() {
                    return "first weekday";
                  };
                  en2.prototype.weekdayNearestDayX0 = function() {
                    return "weekday nearest day %s";
                  };
                  en2.prototype.commaOnTheX0OfTheMonth = function() {
                    return ", on the %s of the month";
                  };
                  en2.prototype.commaEveryX0Days = function() {
                    return ", every %s days";
                  };
                  en2.prototype.commaBetweenDayX0AndX1OfTheMonth = function() {
                    return ", between day %s and %s of the month";
                  };
                  en2.prototype.commaOnDayX0OfTheMonth = function() {
                    return ", on day %s of the month";
                  };
                  en2.prototype.commaEveryHour = function() {
                    return ", every hour";
                  };
                  en2.prototype.commaEveryX0Years = function() {
                    return ", every %s years";
                  };
                  en2.prototype.commaStartingX0 = function() {
                    return ", starting %s";
                  };
                  en2.prototype.daysOfTheWeek = function() {
                    return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
                  };
                  en2.prototype.monthsOfTheYear = function() {
                    return [
                      "January",
                      "February",
                      "March",
                      "April",
                      "May",
                      "June",
                      "July",
                      "August",
                      "September",
                      "October",
                      "November",
                      "December"
                    ];
                  };
                  en2.prototype.atReboot = function() {
                    return "Run once, at startup";
                  };
                  return en2;
                })();
                exports2.en = en;
              })
            ),
            /***/
            515: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                function assert(value, message) {
                  if (!value) {
                    throw new Error(message);
                  }
                }
                var RangeValidator = (function() {
                  function RangeValidator2() {
                  }
                  RangeValidator2.secondRange = function(parse) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var second = parseInt(parsed[i], 10);
                        assert(second >= 0 && second <= 59, "seconds part must be >= 0 and <= 59");
                      }
                    }
                  };
                  RangeValidator2.minuteRange = function(parse) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var minute = parseInt(parsed[i], 10);
                        assert(minute >= 0 && minute <= 59, "minutes part must be >= 0 and <= 59");
                      }
                    }
                  };
                  RangeValidator2.hourRange = function(parse) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var hour = parseInt(parsed[i], 10);
                        assert(hour >= 0 && hour <= 23, "hours part must be >= 0 and <= 23");
                      }
                    }
                  };
                  RangeValidator2.dayOfMonthRange = function(parse) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var dayOfMonth = parseInt(parsed[i], 10);
                        assert(dayOfMonth >= 1 && dayOfMonth <= 31, "DOM part must be >= 1 and <= 31");
                      }
                    }
                  };
                  RangeValidator2.monthRange = function(parse, monthStartIndexZero) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var month = parseInt(parsed[i], 10);
                        assert(month >= 1 && month <= 12, monthStartIndexZero ? "month part must be >= 0 and <= 11" : "month part must be >= 1 and <= 12");
                      }
                    }
                  };
                  RangeValidator2.dayOfWeekRange = function(parse, dayOfWeekStartIndexZero) {
                    var parsed = parse.split(",");
                    for (var i = 0; i < parsed.length; i++) {
                      if (!isNaN(parseInt(parsed[i], 10))) {
                        var dayOfWeek = parseInt(parsed[i], 10);
                        assert(dayOfWeek >= 0 && dayOfWeek <= 6, dayOfWeekStartIndexZero ? "DOW part must be >= 0 and <= 6" : "DOW part must be >= 1 and <= 7");
                      }
                    }
                  };
                  return RangeValidator2;
                })();
                exports2["default"] = RangeValidator;
              })
            ),
            /***/
            823: (
              /***/
              ((__unused_webpack_module, exports2) => {
                Object.defineProperty(exports2, "__esModule", { value: true });
                exports2.StringUtilities = void 0;
                var StringUtilities = (function() {
                  function StringUtilities2() {
                  }
                  StringUtilities2.format = function(template) {
                    var values = [];
                    for (var _i = 1; _i < arguments.length; _i++) {
                      values[_i - 1] = arguments[_i];
                    }
                    return template.replace(/%s/g, function(substring) {
                      var args = [];
                      for (var _i2 = 1; _i2 < arguments.length; _i2++) {
                        args[_i2 - 1] = arguments[_i2];
                      }
                      return values.shift();
                    });
                  };
                  StringUtilities2.containsAny = function(text, searchStrings) {
                    return searchStrings.some(function(c) {
                      return text.indexOf(c) > -1;
                    });
                  };
                  return StringUtilities2;
                })();
                exports2.StringUtilities = StringUtilities;
              })
            )
            /******/
          };
          var __webpack_module_cache__ = {};
          function __webpack_require__(moduleId) {
            var cachedModule = __webpack_module_cache__[moduleId];
            if (cachedModule !== void 0) {
              return cachedModule.exports;
            }
            var module2 = __webpack_module_cache__[moduleId] = {
              /******/
              // no module.id needed
              /******/
              // no module.loaded needed
              /******/
              exports: {}
              /******/
            };
            __webpack_modules__[moduleId](module2, module2.exports, __webpack_require__);
            return module2.exports;
          }
          var __webpack_exports__ = {};
          (() => {
            var exports2 = __webpack_exports__;
            Object.defineProperty(exports2, "__esModule", { value: true });
            exports2.toString = void 0;
            var expressionDescriptor_1 = __webpack_require__(333);
            var enLocaleLoader_1 = __webpack_require__(747);
            expressionDescriptor_1.ExpressionDescriptor.initialize(new enLocaleLoader_1.enLocaleLoader());
            exports2["default"] = expressionDescriptor_1.ExpressionDescriptor;
            var toString = expressionDescriptor_1.ExpressionDescriptor.toString;
            exports2.toString = toString;
          })();
          return __webpack_exports__;
        })()
      );
    });
  }
});

// node_modules/@actions/expressions/dist/ast.js
var Expr = class {
};
var Literal = class extends Expr {
  constructor(literal2, token) {
    super();
    this.literal = literal2;
    this.token = token;
  }
  accept(v) {
    return v.visitLiteral(this);
  }
};
var Unary = class extends Expr {
  constructor(operator, expr) {
    super();
    this.operator = operator;
    this.expr = expr;
  }
  accept(v) {
    return v.visitUnary(this);
  }
};
var FunctionCall = class extends Expr {
  constructor(functionName, args) {
    super();
    this.functionName = functionName;
    this.args = args;
  }
  accept(v) {
    return v.visitFunctionCall(this);
  }
};
var Binary = class extends Expr {
  constructor(left, operator, right) {
    super();
    this.left = left;
    this.operator = operator;
    this.right = right;
  }
  accept(v) {
    return v.visitBinary(this);
  }
};
var Logical = class extends Expr {
  constructor(operator, args) {
    super();
    this.operator = operator;
    this.args = args;
  }
  accept(v) {
    return v.visitLogical(this);
  }
};
var Grouping = class extends Expr {
  constructor(group) {
    super();
    this.group = group;
  }
  accept(v) {
    return v.visitGrouping(this);
  }
};
var ContextAccess = class extends Expr {
  constructor(name) {
    super();
    this.name = name;
  }
  accept(v) {
    return v.visitContextAccess(this);
  }
};
var IndexAccess = class extends Expr {
  constructor(expr, index) {
    super();
    this.expr = expr;
    this.index = index;
  }
  accept(v) {
    return v.visitIndexAccess(this);
  }
};
var Star = class extends Expr {
  accept() {
    throw new Error("Method not implemented.");
  }
};

// node_modules/@actions/expressions/dist/data/expressiondata.js
var Kind;
(function(Kind2) {
  Kind2[Kind2["String"] = 0] = "String";
  Kind2[Kind2["Array"] = 1] = "Array";
  Kind2[Kind2["Dictionary"] = 2] = "Dictionary";
  Kind2[Kind2["Boolean"] = 3] = "Boolean";
  Kind2[Kind2["Number"] = 4] = "Number";
  Kind2[Kind2["CaseSensitiveDictionary"] = 5] = "CaseSensitiveDictionary";
  Kind2[Kind2["Null"] = 6] = "Null";
})(Kind || (Kind = {}));
function kindStr(k) {
  switch (k) {
    case Kind.Array:
      return "Array";
    case Kind.Boolean:
      return "Boolean";
    case Kind.Null:
      return "Null";
    case Kind.Number:
      return "Number";
    case Kind.Dictionary:
      return "Object";
    case Kind.String:
      return "String";
  }
  return "unknown";
}

// node_modules/@actions/expressions/dist/data/dictionary.js
var Dictionary = class {
  constructor(...pairs) {
    this.keys = [];
    this.v = [];
    this.indexMap = {};
    this.kind = Kind.Dictionary;
    this.primitive = false;
    for (const p of pairs) {
      this.add(p.key, p.value);
    }
  }
  coerceString() {
    return kindStr(this.kind);
  }
  number() {
    return NaN;
  }
  add(key, value) {
    if (key.toLowerCase() in this.indexMap) {
      return;
    }
    this.keys.push(key);
    this.v.push(value);
    this.indexMap[key.toLowerCase()] = this.v.length - 1;
  }
  get(key) {
    const index = this.indexMap[key.toLowerCase()];
    if (index === void 0) {
      return void 0;
    }
    return this.v[index];
  }
  values() {
    return this.v;
  }
  pairs() {
    const result = [];
    for (const key of this.keys) {
      result.push({ key, value: this.v[this.indexMap[key.toLowerCase()]] });
    }
    return result;
  }
};

// node_modules/@actions/expressions/dist/data/index.js
var data_exports = {};
__export(data_exports, {
  Array: () => Array2,
  BooleanData: () => BooleanData,
  Dictionary: () => Dictionary,
  Kind: () => Kind,
  Null: () => Null,
  NumberData: () => NumberData,
  StringData: () => StringData,
  replacer: () => replacer,
  reviver: () => reviver
});

// node_modules/@actions/expressions/dist/data/array.js
var Array2 = class {
  constructor(...data) {
    this.v = [];
    this.kind = Kind.Array;
    this.primitive = false;
    for (const d of data) {
      this.add(d);
    }
  }
  coerceString() {
    return kindStr(this.kind);
  }
  number() {
    return NaN;
  }
  add(value) {
    this.v.push(value);
  }
  get(index) {
    return this.v[index];
  }
  values() {
    return this.v;
  }
};

// node_modules/@actions/expressions/dist/data/boolean.js
var BooleanData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.Boolean;
    this.primitive = true;
  }
  coerceString() {
    if (this.value) {
      return "true";
    }
    return "false";
  }
  number() {
    if (this.value) {
      return 1;
    }
    return 0;
  }
};

// node_modules/@actions/expressions/dist/data/null.js
var Null = class {
  constructor() {
    this.kind = Kind.Null;
    this.primitive = true;
  }
  coerceString() {
    return "";
  }
  number() {
    return 0;
  }
};

// node_modules/@actions/expressions/dist/data/number.js
var NumberData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.Number;
    this.primitive = true;
  }
  coerceString() {
    if (this.value === 0) {
      return "0";
    }
    return (+this.value.toFixed(15)).toString();
  }
  number() {
    return this.value;
  }
};

// node_modules/@actions/expressions/dist/data/string.js
var StringData = class {
  constructor(value) {
    this.value = value;
    this.kind = Kind.String;
    this.primitive = true;
  }
  coerceString() {
    return this.value;
  }
  number() {
    return Number(this.value);
  }
};

// node_modules/@actions/expressions/dist/data/replacer.js
function replacer(_key, value) {
  if (value instanceof Null) {
    return null;
  }
  if (value instanceof BooleanData) {
    return value.value;
  }
  if (value instanceof NumberData) {
    return value.number();
  }
  if (value instanceof StringData) {
    return value.coerceString();
  }
  if (value instanceof Array2) {
    return value.values();
  }
  if (value instanceof Dictionary) {
    const pairs = value.pairs();
    const r = {};
    for (const p of pairs) {
      r[p.key] = p.value;
    }
    return r;
  }
  return value;
}

// node_modules/@actions/expressions/dist/data/reviver.js
function reviver(_key, val) {
  if (val === null) {
    return new Null();
  }
  if (typeof val === "string") {
    return new StringData(val);
  }
  if (typeof val === "number") {
    return new NumberData(val);
  }
  if (typeof val === "boolean") {
    return new BooleanData(val);
  }
  if (Array.isArray(val)) {
    return new Array2(...val);
  }
  if (typeof val === "object") {
    return new Dictionary(...Object.keys(val).map((k) => ({
      key: k,
      value: val[k]
    })));
  }
  return val;
}

// node_modules/@actions/expressions/dist/filtered_array.js
var FilteredArray = class extends Array2 {
};

// node_modules/@actions/expressions/dist/lexer.js
var TokenType;
(function(TokenType3) {
  TokenType3[TokenType3["UNKNOWN"] = 0] = "UNKNOWN";
  TokenType3[TokenType3["LEFT_PAREN"] = 1] = "LEFT_PAREN";
  TokenType3[TokenType3["RIGHT_PAREN"] = 2] = "RIGHT_PAREN";
  TokenType3[TokenType3["LEFT_BRACKET"] = 3] = "LEFT_BRACKET";
  TokenType3[TokenType3["RIGHT_BRACKET"] = 4] = "RIGHT_BRACKET";
  TokenType3[TokenType3["COMMA"] = 5] = "COMMA";
  TokenType3[TokenType3["DOT"] = 6] = "DOT";
  TokenType3[TokenType3["BANG"] = 7] = "BANG";
  TokenType3[TokenType3["BANG_EQUAL"] = 8] = "BANG_EQUAL";
  TokenType3[TokenType3["EQUAL_EQUAL"] = 9] = "EQUAL_EQUAL";
  TokenType3[TokenType3["GREATER"] = 10] = "GREATER";
  TokenType3[TokenType3["GREATER_EQUAL"] = 11] = "GREATER_EQUAL";
  TokenType3[TokenType3["LESS"] = 12] = "LESS";
  TokenType3[TokenType3["LESS_EQUAL"] = 13] = "LESS_EQUAL";
  TokenType3[TokenType3["AND"] = 14] = "AND";
  TokenType3[TokenType3["OR"] = 15] = "OR";
  TokenType3[TokenType3["STAR"] = 16] = "STAR";
  TokenType3[TokenType3["NUMBER"] = 17] = "NUMBER";
  TokenType3[TokenType3["STRING"] = 18] = "STRING";
  TokenType3[TokenType3["IDENTIFIER"] = 19] = "IDENTIFIER";
  TokenType3[TokenType3["TRUE"] = 20] = "TRUE";
  TokenType3[TokenType3["FALSE"] = 21] = "FALSE";
  TokenType3[TokenType3["NULL"] = 22] = "NULL";
  TokenType3[TokenType3["EOF"] = 23] = "EOF";
})(TokenType || (TokenType = {}));
function tokenString(tok) {
  switch (tok.type) {
    case TokenType.EOF:
      return "EOF";
    case TokenType.NUMBER:
      return tok.lexeme;
    case TokenType.STRING:
      return tok.value.toString();
    default:
      return tok.lexeme;
  }
}
var Lexer = class {
  constructor(input) {
    this.input = input;
    this.start = 0;
    this.offset = 0;
    this.line = 0;
    this.lastLineOffset = 0;
    this.tokens = [];
  }
  lex() {
    if (this.input.length > MAX_EXPRESSION_LENGTH) {
      throw new Error("ErrorExceededMaxLength");
    }
    while (!this.atEnd()) {
      this.start = this.offset;
      const c = this.next();
      switch (c) {
        case "(":
          this.addToken(TokenType.LEFT_PAREN);
          break;
        case ")":
          this.addToken(TokenType.RIGHT_PAREN);
          break;
        case "[":
          this.addToken(TokenType.LEFT_BRACKET);
          break;
        case "]":
          this.addToken(TokenType.RIGHT_BRACKET);
          break;
        case ",":
          this.addToken(TokenType.COMMA);
          break;
        case ".":
          if (this.previous() != TokenType.IDENTIFIER && this.previous() != TokenType.RIGHT_BRACKET && this.previous() != TokenType.RIGHT_PAREN && this.previous() != TokenType.STAR) {
            this.consumeNumber();
          } else {
            this.addToken(TokenType.DOT);
          }
          break;
        case "-":
        case "+":
          this.consumeNumber();
          break;
        case "!":
          this.addToken(this.match("=") ? TokenType.BANG_EQUAL : TokenType.BANG);
          break;
        case "=":
          if (!this.match("=")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType.EQUAL_EQUAL);
          break;
        case "<":
          this.addToken(this.match("=") ? TokenType.LESS_EQUAL : TokenType.LESS);
          break;
        case ">":
          this.addToken(this.match("=") ? TokenType.GREATER_EQUAL : TokenType.GREATER);
          break;
        case "&":
          if (!this.match("&")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType.AND);
          break;
        case "|":
          if (!this.match("|")) {
            this.consumeIdentifier();
            break;
          }
          this.addToken(TokenType.OR);
          break;
        case "*":
          this.addToken(TokenType.STAR);
          break;
        // Ignore whitespace.
        case " ":
        case "\r":
        case "	":
          break;
        case "\n":
          ++this.line;
          this.lastLineOffset = this.offset;
          break;
        case "'":
          this.consumeString();
          break;
        default:
          switch (true) {
            case isDigit(c):
              this.consumeNumber();
              break;
            default:
              this.consumeIdentifier();
              break;
          }
      }
    }
    this.tokens.push({
      type: TokenType.EOF,
      lexeme: "",
      range: this.range()
    });
    return {
      tokens: this.tokens
    };
  }
  pos() {
    return {
      line: this.line,
      column: this.start - this.lastLineOffset
    };
  }
  endPos() {
    return {
      line: this.line,
      column: this.offset - this.lastLineOffset
    };
  }
  range() {
    return {
      start: this.pos(),
      end: this.endPos()
    };
  }
  atEnd() {
    return this.offset >= this.input.length;
  }
  peek() {
    if (this.atEnd()) {
      return "\0";
    }
    return this.input[this.offset];
  }
  peekNext() {
    if (this.offset + 1 >= this.input.length) {
      return "\0";
    }
    return this.input[this.offset + 1];
  }
  previous() {
    const l = this.tokens.length;
    if (l == 0) {
      return TokenType.EOF;
    }
    return this.tokens[l - 1].type;
  }
  next() {
    return this.input[this.offset++];
  }
  match(expected) {
    if (this.atEnd()) {
      return false;
    }
    if (this.input[this.offset] !== expected) {
      return false;
    }
    this.offset++;
    return true;
  }
  addToken(type, value) {
    this.tokens.push({
      type,
      lexeme: this.input.substring(this.start, this.offset),
      range: this.range(),
      value
    });
  }
  consumeNumber() {
    while (!this.atEnd() && (!isBoundary(this.peek()) || this.peek() == ".")) {
      this.next();
    }
    const lexeme = this.input.substring(this.start, this.offset);
    const value = new StringData(lexeme).number();
    if (isNaN(value)) {
      throw new Error(`Unexpected symbol: '${lexeme}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.addToken(TokenType.NUMBER, value);
  }
  consumeString() {
    while ((this.peek() !== "'" || this.peekNext() === "'") && !this.atEnd()) {
      if (this.peek() === "\n")
        this.line++;
      if (this.peek() === "'" && this.peekNext() === "'") {
        this.next();
      }
      this.next();
    }
    if (this.atEnd()) {
      throw new Error(`Unexpected symbol: '${this.input.substring(this.start)}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.next();
    let value = this.input.substring(this.start + 1, this.offset - 1);
    value = value.replace("''", "'");
    this.addToken(TokenType.STRING, value);
  }
  consumeIdentifier() {
    while (!this.atEnd() && !isBoundary(this.peek())) {
      this.next();
    }
    let tokenType = TokenType.IDENTIFIER;
    let tokenValue = void 0;
    const lexeme = this.input.substring(this.start, this.offset);
    if (this.previous() != TokenType.DOT) {
      switch (lexeme) {
        case "true":
          tokenType = TokenType.TRUE;
          break;
        case "false":
          tokenType = TokenType.FALSE;
          break;
        case "null":
          tokenType = TokenType.NULL;
          break;
        case "NaN":
          tokenType = TokenType.NUMBER;
          tokenValue = NaN;
          break;
        case "Infinity":
          tokenType = TokenType.NUMBER;
          tokenValue = Infinity;
          break;
      }
    }
    if (!isLegalIdentifier(lexeme)) {
      throw new Error(`Unexpected symbol: '${lexeme}'. Located at position ${this.start + 1} within expression: ${this.input}`);
    }
    this.addToken(tokenType, tokenValue);
  }
};
function isDigit(c) {
  return c >= "0" && c <= "9";
}
function isBoundary(c) {
  switch (c) {
    case "(":
    case "[":
    case ")":
    case "]":
    case ",":
    case ".":
    case "!":
    case ">":
    case "<":
    case "=":
    case "&":
    case "|":
      return true;
  }
  return /\s/.test(c);
}
function isLegalIdentifier(str) {
  if (str == "") {
    return false;
  }
  const first = str[0];
  if (first >= "a" && first <= "z" || first >= "A" && first <= "Z" || first == "_") {
    for (const c of str.substring(1).split("")) {
      if (c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c >= "0" && c <= "9" || c == "_" || c == "-") {
      } else {
        return false;
      }
    }
    return true;
  }
  return false;
}

// node_modules/@actions/expressions/dist/errors.js
var MAX_PARSER_DEPTH = 50;
var MAX_EXPRESSION_LENGTH = 21e3;
var ErrorType;
(function(ErrorType2) {
  ErrorType2[ErrorType2["ErrorUnexpectedSymbol"] = 0] = "ErrorUnexpectedSymbol";
  ErrorType2[ErrorType2["ErrorUnrecognizedNamedValue"] = 1] = "ErrorUnrecognizedNamedValue";
  ErrorType2[ErrorType2["ErrorUnexpectedEndOfExpression"] = 2] = "ErrorUnexpectedEndOfExpression";
  ErrorType2[ErrorType2["ErrorExceededMaxDepth"] = 3] = "ErrorExceededMaxDepth";
  ErrorType2[ErrorType2["ErrorExceededMaxLength"] = 4] = "ErrorExceededMaxLength";
  ErrorType2[ErrorType2["ErrorTooFewParameters"] = 5] = "ErrorTooFewParameters";
  ErrorType2[ErrorType2["ErrorTooManyParameters"] = 6] = "ErrorTooManyParameters";
  ErrorType2[ErrorType2["ErrorEvenParameters"] = 7] = "ErrorEvenParameters";
  ErrorType2[ErrorType2["ErrorUnrecognizedContext"] = 8] = "ErrorUnrecognizedContext";
  ErrorType2[ErrorType2["ErrorUnrecognizedFunction"] = 9] = "ErrorUnrecognizedFunction";
})(ErrorType || (ErrorType = {}));
var ExpressionError = class extends Error {
  constructor(typ, tok) {
    super(`${errorDescription(typ)}: '${tokenString(tok)}'`);
    this.typ = typ;
    this.tok = tok;
    this.pos = this.tok.range.start;
  }
};
function errorDescription(typ) {
  switch (typ) {
    case ErrorType.ErrorUnexpectedEndOfExpression:
      return "Unexpected end of expression";
    case ErrorType.ErrorUnexpectedSymbol:
      return "Unexpected symbol";
    case ErrorType.ErrorUnrecognizedNamedValue:
      return "Unrecognized named-value";
    case ErrorType.ErrorExceededMaxDepth:
      return `Exceeded max expression depth ${MAX_PARSER_DEPTH}`;
    case ErrorType.ErrorExceededMaxLength:
      return `Exceeded max expression length ${MAX_EXPRESSION_LENGTH}`;
    case ErrorType.ErrorTooFewParameters:
      return "Too few parameters supplied";
    case ErrorType.ErrorTooManyParameters:
      return "Too many parameters supplied";
    case ErrorType.ErrorEvenParameters:
      return "Even number of parameters supplied, requires an odd number of parameters";
    case ErrorType.ErrorUnrecognizedContext:
      return "Unrecognized named-value";
    case ErrorType.ErrorUnrecognizedFunction:
      return "Unrecognized function";
    default:
      return "Unknown error";
  }
}
var ExpressionEvaluationError = class extends Error {
};

// node_modules/@actions/expressions/dist/funcs/case.js
var caseFunc = {
  name: "case",
  description: "`case( pred1, val1, pred2, val2, ..., default )`\n\nEvaluates predicates in order and returns the value corresponding to the first predicate that evaluates to `true`. If no predicate matches, it returns the last argument as the default value.",
  minArgs: 3,
  maxArgs: Number.MAX_SAFE_INTEGER,
  call: (...args) => {
    for (let i = 0; i < args.length - 1; i += 2) {
      const predicate = args[i];
      if (predicate.kind !== Kind.Boolean) {
        throw new Error("case predicate must evaluate to a boolean value");
      }
      if (predicate.value) {
        return args[i + 1];
      }
    }
    return args[args.length - 1];
  }
};

// node_modules/@actions/expressions/dist/result.js
function falsy(d) {
  switch (d.kind) {
    case Kind.Null:
      return true;
    case Kind.Boolean:
      return !d.value;
    case Kind.Number: {
      const dv = d.value;
      return dv === 0 || isNaN(dv);
    }
    case Kind.String:
      return d.value.length === 0;
  }
  return false;
}
function truthy(d) {
  return !falsy(d);
}
function coerceTypes(li, ri) {
  let lv = li;
  let rv = ri;
  if (li.kind === ri.kind) {
    return [lv, rv];
  }
  switch (li.kind) {
    // Number, String
    case Kind.Number:
      if (ri.kind === Kind.String) {
        rv = new NumberData(ri.number());
        return [lv, rv];
      }
      break;
    // String, Number
    case Kind.String:
      if (ri.kind === Kind.Number) {
        lv = new NumberData(li.number());
        return [lv, rv];
      }
      break;
    // Boolean|Null, Any
    case Kind.Null:
    case Kind.Boolean:
      lv = new NumberData(li.number());
      return coerceTypes(lv, rv);
  }
  switch (ri.kind) {
    case Kind.Null:
    case Kind.Boolean:
      rv = new NumberData(ri.number());
      return coerceTypes(lv, rv);
  }
  return [lv, rv];
}
function equals(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Null, Null
    case Kind.Null:
      return true;
    // Number, Number
    case Kind.Number: {
      const ld = lv.value;
      const rd = rv.value;
      if (isNaN(ld) || isNaN(rd)) {
        return false;
      }
      return ld == rd;
    }
    // String, String
    case Kind.String: {
      const ls = lv.value;
      const rs = rv.value;
      return toUpperSpecial(ls) === toUpperSpecial(rs);
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return lb == rb;
    }
    // Object, Object
    case Kind.Dictionary:
    case Kind.Array:
      return lv === rv;
  }
  return false;
}
function greaterThan(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Number, Number
    case Kind.Number: {
      const lf = lv.value;
      const rf = rv.value;
      if (isNaN(lf) || isNaN(rf)) {
        return false;
      }
      return lf > rf;
    }
    // String, String
    case Kind.String: {
      let ls = lv.value;
      let rs = rv.value;
      ls = toUpperSpecial(ls);
      rs = toUpperSpecial(rs);
      return ls > rs;
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return lb && !rb;
    }
  }
  return false;
}
function lessThan(lhs, rhs) {
  const [lv, rv] = coerceTypes(lhs, rhs);
  if (lv.kind != rv.kind) {
    return false;
  }
  switch (lv.kind) {
    // Number, Number
    case Kind.Number: {
      const lf = lv.value;
      const rf = rv.value;
      if (isNaN(lf) || isNaN(rf)) {
        return false;
      }
      return lf < rf;
    }
    // String, String
    case Kind.String: {
      let ls = lv.value;
      let rs = rv.value;
      ls = toUpperSpecial(ls);
      rs = toUpperSpecial(rs);
      return ls < rs;
    }
    // Boolean, Boolean
    case Kind.Boolean: {
      const lb = lv.value;
      const rb = rv.value;
      return !lb && rb;
    }
  }
  return false;
}
function toUpperSpecial(s) {
  const sb = [];
  let i = 0;
  const len = s.length;
  let found = s.indexOf("\u0131");
  while (i < len) {
    if (i < found) {
      sb.push(s.substring(i, found).toUpperCase());
      i = found;
    } else if (i == found) {
      sb.push(s.substring(i, i + 1));
      i += 1;
      found = s.indexOf("\u0131", i);
    } else {
      sb.push(s.substring(i).toUpperCase());
      break;
    }
  }
  return sb.join("");
}

// node_modules/@actions/expressions/dist/funcs/contains.js
var contains = {
  name: "contains",
  description: "`contains( search, item )`\n\nReturns `true` if `search` contains `item`. If `search` is an array, this function returns `true` if the `item` is an element in the array. If `search` is a string, this function returns `true` if the `item` is a substring of `search`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    const right = args[1];
    if (left.primitive) {
      const ls = left.coerceString();
      if (right.primitive) {
        const rs = right.coerceString();
        return new BooleanData(ls.toLowerCase().includes(rs.toLowerCase()));
      }
    } else if (left.kind === Kind.Array) {
      const la = left;
      if (la.values().length === 0) {
        return new BooleanData(false);
      }
      for (const v of la.values()) {
        if (equals(right, v)) {
          return new BooleanData(true);
        }
      }
    }
    return new BooleanData(false);
  }
};

// node_modules/@actions/expressions/dist/funcs/endswith.js
var endswith = {
  name: "endsWith",
  description: "`endsWith( searchString, searchValue )`\n\nReturns `true` if `searchString` ends with `searchValue`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    if (!left.primitive) {
      return new BooleanData(false);
    }
    const right = args[1];
    if (!right.primitive) {
      return new BooleanData(false);
    }
    const ls = toUpperSpecial(left.coerceString());
    const rs = toUpperSpecial(right.coerceString());
    return new BooleanData(ls.endsWith(rs));
  }
};

// node_modules/@actions/expressions/dist/funcs/format.js
var format = {
  name: "format",
  description: "`format( string, replaceValue0, replaceValue1, ..., replaceValueN)`\n\nReplaces values in the `string`, with the variable `replaceValueN`. Variables in the `string` are specified using the `{N}` syntax, where `N` is an integer. You must specify at least one `replaceValue` and `string`. There is no maximum for the number of variables (`replaceValueN`) you can use. Escape curly braces using double braces.",
  minArgs: 1,
  maxArgs: 255,
  call: (...args) => {
    const fs = args[0].coerceString();
    const result = [];
    let index = 0;
    while (index < fs.length) {
      const lbrace = fs.indexOf("{", index);
      const rbrace = fs.indexOf("}", index);
      if (lbrace >= 0 && (rbrace < 0 || rbrace > lbrace)) {
        if (safeCharAt(fs, lbrace + 1) === "{") {
          result.push(fs.substr(index, lbrace - index + 1));
          index = lbrace + 2;
          continue;
        }
        if (rbrace > lbrace + 1) {
          const argIndex = readArgIndex(fs, lbrace + 1);
          if (argIndex.success) {
            if (1 + argIndex.result > args.length - 1) {
              throw new Error(`The following format string references more arguments than were supplied: ${fs}`);
            }
            if (lbrace > index) {
              result.push(fs.substr(index, lbrace - index));
            }
            result.push(`${args[1 + argIndex.result].coerceString()}`);
            index = rbrace + 1;
            continue;
          }
        }
        throw new Error(`The following format string is invalid: ${fs}`);
      } else if (rbrace >= 0) {
        if (safeCharAt(fs, rbrace + 1) === "}") {
          result.push(fs.substr(index, rbrace - index + 1));
          index = rbrace + 2;
        } else {
          throw new Error(`The following format string is invalid: ${fs}`);
        }
      } else {
        result.push(fs.substr(index));
        break;
      }
    }
    return new StringData(result.join(""));
  }
};
function safeCharAt(string, index) {
  if (string.length > index) {
    return string[index];
  }
  return "\0";
}
function readArgIndex(string, startIndex) {
  let length = 0;
  for (; ; ) {
    const nextChar = safeCharAt(string, startIndex + length);
    if (nextChar >= "0" && nextChar <= "9") {
      length++;
    } else {
      break;
    }
  }
  if (length < 1) {
    return {
      success: false
    };
  }
  const endIndex = startIndex + length - 1;
  const result = parseInt(string.substr(startIndex, length));
  return {
    success: !isNaN(result),
    result,
    endIndex
  };
}

// node_modules/@actions/expressions/dist/funcs/fromjson.js
var fromjson = {
  name: "fromJson",
  description: "`fromJSON(value)`\n\nReturns a JSON object or JSON data type for `value`. You can use this function to provide a JSON object as an evaluated expression or to convert environment variables from a string.",
  minArgs: 1,
  maxArgs: 1,
  call: (...args) => {
    const input = args[0];
    const is = input.coerceString();
    if (is.trim() === "") {
      throw new Error("empty input");
    }
    try {
      return JSON.parse(is, reviver);
    } catch (e) {
      throw new ExpressionEvaluationError("Error parsing JSON when evaluating fromJson", { cause: e });
    }
  }
};

// node_modules/@actions/expressions/dist/funcs/join.js
var join = {
  name: "join",
  description: "`join( array, optionalSeparator )`\n\nThe value for `array` can be an array or a string. All values in `array` are concatenated into a string. If you provide `optionalSeparator`, it is inserted between the concatenated values. Otherwise, the default separator `,` is used. Casts values to a string.",
  minArgs: 1,
  maxArgs: 2,
  call: (...args) => {
    if (args[0].primitive) {
      return new StringData(args[0].coerceString());
    }
    if (args[0].kind === Kind.Array) {
      let separator = ",";
      if (args.length > 1 && args[1].primitive) {
        separator = args[1].coerceString();
      }
      return new StringData(args[0].values().map((item) => item.coerceString()).join(separator));
    }
    return new StringData("");
  }
};

// node_modules/@actions/expressions/dist/funcs/startswith.js
var startswith = {
  name: "startsWith",
  description: "`startsWith( searchString, searchValue )`\n\nReturns `true` when `searchString` starts with `searchValue`. This function is not case sensitive. Casts values to a string.",
  minArgs: 2,
  maxArgs: 2,
  call: (...args) => {
    const left = args[0];
    if (!left.primitive) {
      return new BooleanData(false);
    }
    const right = args[1];
    if (!right.primitive) {
      return new BooleanData(false);
    }
    const ls = toUpperSpecial(left.coerceString());
    const rs = toUpperSpecial(right.coerceString());
    return new BooleanData(ls.startsWith(rs));
  }
};

// node_modules/@actions/expressions/dist/funcs/tojson.js
var tojson = {
  name: "toJson",
  description: "`toJSON(value)`\n\nReturns a pretty-print JSON representation of `value`. You can use this function to debug the information provided in contexts.",
  minArgs: 1,
  maxArgs: 1,
  call: (...args) => {
    return new StringData(JSON.stringify(args[0], replacer, "  "));
  }
};

// node_modules/@actions/expressions/dist/funcs.js
var wellKnownFunctions = {
  case: caseFunc,
  contains,
  endswith,
  format,
  fromjson,
  join,
  startswith,
  tojson
};
function validateFunction(context, identifier, argCount) {
  const name = identifier.lexeme.toLowerCase();
  let f;
  f = wellKnownFunctions[name];
  if (!f) {
    f = context.extensionFunctions.get(name);
    if (!f) {
      if (!context.allowUnknownKeywords) {
        throw new ExpressionError(ErrorType.ErrorUnrecognizedFunction, identifier);
      }
      return;
    }
  }
  if (argCount < f.minArgs) {
    throw new ExpressionError(ErrorType.ErrorTooFewParameters, identifier);
  }
  if (argCount > f.maxArgs) {
    throw new ExpressionError(ErrorType.ErrorTooManyParameters, identifier);
  }
  if (name === "case" && argCount % 2 === 0) {
    throw new ExpressionError(ErrorType.ErrorEvenParameters, identifier);
  }
}

// node_modules/@actions/expressions/dist/idxHelper.js
var idxHelper = class {
  constructor(star, idx) {
    this.star = star;
    if (!idx) {
      return;
    }
    if (!star) {
      if (idx.primitive) {
        this.str = idx.coerceString();
      }
      let f = idx.number();
      if (!isNaN(f) && isFinite(f) && f >= 0) {
        f = Math.floor(f);
        this.int = f;
      }
    }
  }
};

// node_modules/@actions/expressions/dist/evaluator.js
var Evaluator = class {
  /**
   * Creates a new evaluator
   * @param n Parsed expression to evaluate
   * @param context Context data to use
   * @param functions Optional map of function implementations. If given, these will be preferred over the built-in functions.
   */
  constructor(n, context, functions) {
    this.n = n;
    this.context = context;
    this.functions = functions;
  }
  evaluate() {
    return this.eval(this.n);
  }
  eval(n) {
    return n.accept(this);
  }
  visitLiteral(literal2) {
    return literal2.literal;
  }
  visitUnary(unary) {
    const r = this.eval(unary.expr);
    if (unary.operator.type === TokenType.BANG) {
      return new BooleanData(falsy(r));
    }
    throw new Error(`unknown unary operator: ${unary.operator.lexeme}`);
  }
  visitBinary(binary) {
    const left = this.eval(binary.left);
    const right = this.eval(binary.right);
    switch (binary.operator.type) {
      case TokenType.EQUAL_EQUAL:
        return new BooleanData(equals(left, right));
      case TokenType.BANG_EQUAL:
        return new BooleanData(!equals(left, right));
      case TokenType.GREATER:
        return new BooleanData(greaterThan(left, right));
      case TokenType.GREATER_EQUAL:
        return new BooleanData(equals(left, right) || greaterThan(left, right));
      case TokenType.LESS:
        return new BooleanData(lessThan(left, right));
      case TokenType.LESS_EQUAL:
        return new BooleanData(equals(left, right) || lessThan(left, right));
    }
    throw new Error(`unknown binary operator: ${binary.operator.lexeme}`);
  }
  visitLogical(logical) {
    let result;
    for (const arg of logical.args) {
      result = this.eval(arg);
      if (logical.operator.type === TokenType.AND && falsy(result) || logical.operator.type === TokenType.OR && truthy(result)) {
        break;
      }
    }
    return result;
  }
  visitGrouping(grouping) {
    return this.eval(grouping.group);
  }
  visitContextAccess(contextAccess) {
    const r = this.context.get(contextAccess.name.lexeme);
    return r;
  }
  visitIndexAccess(ia) {
    let idx;
    if (ia.index instanceof Star) {
      idx = new idxHelper(true, void 0);
    } else {
      let idxResult;
      try {
        idxResult = this.eval(ia.index);
      } catch (e) {
        throw new Error(`could not evaluate index for index access: ${e.message}`, { cause: e });
      }
      idx = new idxHelper(false, idxResult);
    }
    const objResult = this.eval(ia.expr);
    let result;
    switch (objResult.kind) {
      case Kind.Array: {
        const tobjResult = objResult;
        if (tobjResult instanceof FilteredArray) {
          result = filteredArrayAccess(tobjResult, idx);
        } else {
          result = arrayAccess(tobjResult, idx);
        }
        break;
      }
      case Kind.Dictionary: {
        const tobjResult = objResult;
        result = objectAccess(tobjResult, idx);
        break;
      }
      default:
        if (idx.star) {
          result = new FilteredArray();
        } else {
          result = new Null();
        }
    }
    return result;
  }
  visitFunctionCall(functionCall) {
    const args = functionCall.args.map((arg) => this.eval(arg));
    const functionName = functionCall.functionName.lexeme.toLowerCase();
    const f = this.functions?.get(functionName) || wellKnownFunctions[functionName];
    return f.call(...args);
  }
};
function filteredArrayAccess(fa, idx) {
  const result = new FilteredArray();
  for (const item of fa.values()) {
    switch (item.kind) {
      case Kind.Dictionary: {
        const ti = item;
        if (idx.star) {
          for (const v of ti.values()) {
            result.add(v);
          }
        } else if (idx.str !== void 0) {
          const v = ti.get(idx.str);
          if (v !== void 0) {
            result.add(v);
          }
        }
        break;
      }
      case Kind.Array: {
        const ti = item;
        if (idx.star) {
          for (const v of ti.values()) {
            result.add(v);
          }
        } else if (idx.int !== void 0 && idx.int < ti.values().length) {
          result.add(ti.get(idx.int));
        }
        break;
      }
    }
  }
  return result;
}
function arrayAccess(a, idx) {
  if (idx.star) {
    const fa = new FilteredArray();
    for (const item of a.values()) {
      fa.add(item);
    }
    return fa;
  }
  if (idx.int !== void 0 && idx.int < a.values().length) {
    return a.get(idx.int);
  }
  return new Null();
}
function objectAccess(obj, idx) {
  if (idx.star) {
    const fa = new FilteredArray(...obj.values());
    return fa;
  }
  if (idx.str !== void 0) {
    const r = obj.get(idx.str);
    if (r !== void 0) {
      return r;
    }
  }
  return new Null();
}

// node_modules/@actions/expressions/dist/features.js
var allFeatureKeys = [
  "missingInputsQuickfix",
  "blockScalarChompingWarning",
  "allowCaseFunction",
  "allowCopilotRequestsPermission",
  "allowDrivesPermissionAutocomplete",
  "allowBackgroundSteps"
];
var FeatureFlags = class {
  constructor(features) {
    this.features = features ?? {};
  }
  /**
   * Check if an experimental feature is enabled.
   *
   * Resolution order:
   * 1. Explicit feature flag (if set)
   * 2. `all` flag (if set)
   * 3. false (default)
   */
  isEnabled(feature) {
    const explicit = this.features[feature];
    if (explicit !== void 0) {
      return explicit;
    }
    return this.features.all ?? false;
  }
  /**
   * Returns list of all enabled experimental features.
   */
  getEnabledFeatures() {
    return allFeatureKeys.filter((key) => this.isEnabled(key));
  }
};

// node_modules/@actions/expressions/dist/parser.js
var Parser = class {
  /**
   * Constructs a new parser for the given tokens
   *
   * @param tokens Tokens to build a parse tree from
   * @param extensionContexts Available context names
   * @param extensionFunctions Available functions (beyond the built-in ones)
   */
  constructor(tokens, extensionContexts, extensionFunctions) {
    this.tokens = tokens;
    this.offset = 0;
    this.depth = 0;
    this.extContexts = /* @__PURE__ */ new Map();
    this.extFuncs = /* @__PURE__ */ new Map();
    for (const contextName of extensionContexts) {
      this.extContexts.set(contextName.toLowerCase(), true);
    }
    for (const { name, func } of extensionFunctions.map((x) => ({
      name: x.name,
      func: x
    }))) {
      this.extFuncs.set(name.toLowerCase(), func);
    }
    this.context = {
      allowUnknownKeywords: false,
      extensionContexts: this.extContexts,
      extensionFunctions: this.extFuncs
    };
  }
  parse() {
    let result;
    if (this.atEnd()) {
      return result;
    }
    result = this.expression();
    if (!this.atEnd()) {
      throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
    }
    return result;
  }
  expression() {
    this.incrDepth();
    try {
      return this.logicalOr();
    } finally {
      this.decrDepth();
    }
  }
  logicalOr() {
    let expr = this.logicalAnd();
    if (this.check(TokenType.OR)) {
      this.incrDepth();
      try {
        const logical = new Logical(this.peek(), [expr]);
        expr = logical;
        while (this.match(TokenType.OR)) {
          const right = this.logicalAnd();
          logical.args.push(right);
        }
      } finally {
        this.decrDepth();
      }
    }
    return expr;
  }
  logicalAnd() {
    let expr = this.equality();
    if (this.check(TokenType.AND)) {
      this.incrDepth();
      try {
        const logical = new Logical(this.peek(), [expr]);
        expr = logical;
        while (this.match(TokenType.AND)) {
          const right = this.equality();
          logical.args.push(right);
        }
      } finally {
        this.decrDepth();
      }
    }
    return expr;
  }
  equality() {
    let expr = this.comparison();
    while (this.match(TokenType.BANG_EQUAL, TokenType.EQUAL_EQUAL)) {
      const operator = this.previous();
      const right = this.comparison();
      expr = new Binary(expr, operator, right);
    }
    return expr;
  }
  comparison() {
    let expr = this.unary();
    while (this.match(TokenType.GREATER, TokenType.GREATER_EQUAL, TokenType.LESS, TokenType.LESS_EQUAL)) {
      const operator = this.previous();
      const right = this.unary();
      expr = new Binary(expr, operator, right);
    }
    return expr;
  }
  unary() {
    if (this.match(TokenType.BANG)) {
      this.incrDepth();
      const operator = this.previous();
      const unary = this.unary();
      try {
        return new Unary(operator, unary);
      } finally {
        this.decrDepth();
      }
    }
    return this.index();
  }
  index() {
    let expr = this.call();
    let depthIncreased = 0;
    if (expr instanceof Grouping || expr instanceof FunctionCall || expr instanceof ContextAccess) {
      let cont = true;
      while (cont) {
        switch (true) {
          case this.match(TokenType.LEFT_BRACKET): {
            let indexExpr;
            if (this.match(TokenType.STAR)) {
              indexExpr = new Star();
            } else {
              indexExpr = this.expression();
            }
            this.consume(TokenType.RIGHT_BRACKET, ErrorType.ErrorUnexpectedSymbol);
            this.incrDepth();
            depthIncreased++;
            expr = new IndexAccess(expr, indexExpr);
            break;
          }
          case this.match(TokenType.DOT):
            this.incrDepth();
            depthIncreased++;
            if (this.match(TokenType.IDENTIFIER)) {
              const property = this.previous();
              expr = new IndexAccess(expr, new Literal(new StringData(property.lexeme), property));
            } else if (this.match(TokenType.STAR)) {
              expr = new IndexAccess(expr, new Star());
            } else {
              throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
            }
            break;
          default:
            cont = false;
        }
      }
    }
    for (let i = 0; i < depthIncreased; i++) {
      this.decrDepth();
    }
    return expr;
  }
  call() {
    if (!this.check(TokenType.IDENTIFIER)) {
      return this.primary();
    }
    const identifier = this.next();
    if (!this.match(TokenType.LEFT_PAREN)) {
      if (!this.extContexts.has(identifier.lexeme.toLowerCase())) {
        throw this.buildError(ErrorType.ErrorUnrecognizedContext, identifier);
      }
      return new ContextAccess(identifier);
    }
    const args = [];
    while (!this.match(TokenType.RIGHT_PAREN)) {
      const aexp = this.expression();
      args.push(aexp);
      if (!this.check(TokenType.RIGHT_PAREN)) {
        this.consume(TokenType.COMMA, ErrorType.ErrorUnexpectedSymbol);
      }
    }
    validateFunction(this.context, identifier, args.length);
    return new FunctionCall(identifier, args);
  }
  primary() {
    switch (true) {
      case this.match(TokenType.FALSE):
        return new Literal(new BooleanData(false), this.previous());
      case this.match(TokenType.TRUE):
        return new Literal(new BooleanData(true), this.previous());
      case this.match(TokenType.NULL):
        return new Literal(new Null(), this.previous());
      case this.match(TokenType.NUMBER):
        return new Literal(new NumberData(this.previous().value), this.previous());
      case this.match(TokenType.STRING):
        return new Literal(new StringData(this.previous().value), this.previous());
      case this.match(TokenType.LEFT_PAREN): {
        const expr = this.expression();
        if (this.atEnd()) {
          throw this.buildError(ErrorType.ErrorUnexpectedEndOfExpression, this.previous());
        }
        this.consume(TokenType.RIGHT_PAREN, ErrorType.ErrorUnexpectedSymbol);
        return new Grouping(expr);
      }
      case this.atEnd():
        throw this.buildError(ErrorType.ErrorUnexpectedEndOfExpression, this.previous());
    }
    throw this.buildError(ErrorType.ErrorUnexpectedSymbol, this.peek());
  }
  // match consumes the next token if it matches any of the given types
  match(...tokenTypes) {
    for (const tokenType of tokenTypes) {
      if (this.check(tokenType)) {
        this.next();
        return true;
      }
    }
    return false;
  }
  // check peeks whether the next token is of the given type
  check(tokenType) {
    if (this.atEnd()) {
      return false;
    }
    return this.peek().type == tokenType;
  }
  // atEnd peeks whether the next token is EOF
  atEnd() {
    return this.peek().type == TokenType.EOF;
  }
  next() {
    if (!this.atEnd()) {
      this.offset++;
    }
    return this.previous();
  }
  peek() {
    return this.tokens[this.offset];
  }
  // previous returns the previous token
  previous() {
    return this.tokens[this.offset - 1];
  }
  // consume attempts to consume the next token if it matches the given type. It returns an error of
  // the given ParseErrorKind otherwise.
  consume(tokenType, errorType) {
    if (this.check(tokenType)) {
      this.next();
      return;
    }
    throw this.buildError(errorType, this.peek());
  }
  incrDepth() {
    this.depth++;
    if (this.depth > MAX_PARSER_DEPTH) {
      throw this.buildError(ErrorType.ErrorExceededMaxDepth, this.peek());
    }
  }
  decrDepth() {
    this.depth--;
  }
  buildError(errType, token) {
    return new ExpressionError(errType, token);
  }
};

// src/workflows/expressions.ts
var Unknown = class {
  constructor(reason) {
    this.reason = reason;
  }
  reason;
};
var UnknownDiffering = class extends Unknown {
  constructor(reason, differsFrom, matches2) {
    super(reason);
    this.differsFrom = differsFrom;
    this.matches = matches2 && new RegExp(matches2.source, matches2.flags.replace(/[gy]/g, ""));
  }
  differsFrom;
  /** `matches` without the flags that make a RegExp keep state between tests. */
  matches;
  /** Whether the value is known not to equal `text` as GitHub compares strings. */
  differs(text) {
    const other = new data_exports.StringData(text);
    if (this.differsFrom.some((s) => equals(new data_exports.StringData(s), other))) return true;
    return this.matches !== void 0 && !this.matches.test(toUpperSpecial(text));
  }
};
var OPEN = /* @__PURE__ */ Symbol("open");
var UNSET_EMPTY = /* @__PURE__ */ Symbol("unset-empty");
function open(name, fields = {}) {
  return Object.assign({ [OPEN]: name }, fields);
}
function listed(fields) {
  return Object.assign({ [UNSET_EMPTY]: true }, fields);
}
var CONTEXTS = [
  "github",
  "inputs",
  "matrix",
  "vars",
  "env",
  "secrets",
  "steps",
  "needs",
  "job",
  "jobs",
  "runner",
  "strategy"
];
var UnknownSignal = class {
  constructor(reason) {
    this.reason = reason;
  }
  reason;
};
function unknownFunction(name, minArgs, maxArgs) {
  return {
    name,
    minArgs,
    maxArgs,
    call: () => {
      throw new UnknownSignal(`${name}()`);
    }
  };
}
var FUNCTIONS = /* @__PURE__ */ new Map([
  ["success", { name: "success", minArgs: 0, maxArgs: 0, call: () => new data_exports.BooleanData(true) }],
  ["always", { name: "always", minArgs: 0, maxArgs: 0, call: () => new data_exports.BooleanData(true) }],
  ["failure", unknownFunction("failure", 0, 0)],
  ["cancelled", { name: "cancelled", minArgs: 0, maxArgs: 0, call: () => new data_exports.BooleanData(false) }],
  ["hashfiles", unknownFunction("hashFiles", 1, 255)]
]);
var FUNCTION_INFO = [...FUNCTIONS.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }));
var UNKNOWNS = /* @__PURE__ */ new WeakMap();
var DIFFERING = /* @__PURE__ */ new WeakMap();
var OPEN_NAMES = /* @__PURE__ */ new WeakMap();
var UNSET_EMPTY_DICTS = /* @__PURE__ */ new WeakSet();
var CONVERTED_VALUES = /* @__PURE__ */ new WeakMap();
function convert(value) {
  if (value !== null && typeof value === "object") {
    const known = CONVERTED_VALUES.get(value);
    if (known) return known;
    const made = convertObject(value);
    CONVERTED_VALUES.set(value, made);
    return made;
  }
  if (value === null) return new data_exports.Null();
  if (typeof value === "string") return new data_exports.StringData(value);
  if (typeof value === "number") return new data_exports.NumberData(value);
  return new data_exports.BooleanData(value);
}
function convertObject(value) {
  if (value instanceof Unknown) {
    const marker = new data_exports.StringData(`<${value.reason}>`);
    UNKNOWNS.set(marker, value.reason);
    if (value instanceof UnknownDiffering) DIFFERING.set(marker, value);
    return marker;
  }
  if (Array.isArray(value)) return new data_exports.Array(...value.map((v) => convert(v)));
  const object = value;
  const dict = new data_exports.Dictionary(...Object.keys(object).map((key) => ({ key, value: convert(object[key] ?? null) })));
  if (object[OPEN] !== void 0) OPEN_NAMES.set(dict, object[OPEN]);
  if (object[UNSET_EMPTY] === true) UNSET_EMPTY_DICTS.add(dict);
  return dict;
}
var PartialEvaluator = class extends Evaluator {
  constructor(node, converted, condition) {
    super(node, converted.root, FUNCTIONS);
    this.converted = converted;
    if (condition) this.markTruthOnly(node);
  }
  converted;
  /** The operand of `==`/`!=` being read, whose value may be an {@link UnknownDiffering} (see visitBinary). */
  comparedOperand;
  /**
   * The `&&`/`||` whose value is read only for its truth: a condition's own (an `if:` is decided by its truth), under
   * `!` or another such one. There an unknown operand before the one that decides cannot change the truth (`x ||
   * 'main'` is true whatever `x` is), while as a value it is unknown (it is `x` when `x` is truthy).
   */
  truthOnly = /* @__PURE__ */ new WeakSet();
  markTruthOnly(node) {
    if (node instanceof Grouping) this.markTruthOnly(node.group);
    else if (node instanceof Unary && node.operator.lexeme === "!") this.markTruthOnly(node.expr);
    else if (node instanceof Logical) {
      this.truthOnly.add(node);
      for (const arg of node.args) this.markTruthOnly(arg);
    }
  }
  checked(result, name, access) {
    if (result === void 0) throw new UnknownSignal(name);
    const reason = this.converted.unknowns.get(result);
    if (reason !== void 0 && !(access === this.comparedOperand && DIFFERING.has(result)))
      throw new UnknownSignal(reason);
    return result;
  }
  visitContextAccess(access) {
    const name = access.name.lexeme;
    return this.checked(super.visitContextAccess(access), name, access);
  }
  /** An operand of `==`/`!=`, read so that an {@link UnknownDiffering} it is comes back as its marker. */
  operand(node) {
    let inner = node;
    while (inner instanceof Grouping) inner = inner.group;
    const before = this.comparedOperand;
    this.comparedOperand = inner instanceof ContextAccess || inner instanceof IndexAccess ? inner : void 0;
    try {
      return this.eval(node);
    } finally {
      this.comparedOperand = before;
    }
  }
  /**
   * `==` and `!=` with GitHub's own equality, where one operand may be a value known only to differ from some
   * strings: compared with a string it is known to differ from ({@link UnknownDiffering.differs}), it is decided;
   * otherwise the comparison is unknown.
   */
  visitBinary(binary) {
    const type = binary.operator.type;
    if (type !== TokenType.EQUAL_EQUAL && type !== TokenType.BANG_EQUAL) return super.visitBinary(binary);
    const left = this.operand(binary.left);
    const right = this.operand(binary.right);
    const leftDiffers = DIFFERING.get(left);
    const rightDiffers = DIFFERING.get(right);
    if (leftDiffers === void 0 && rightDiffers === void 0) {
      return new data_exports.BooleanData(equals(left, right) === (type === TokenType.EQUAL_EQUAL));
    }
    const [marker, value, other] = leftDiffers !== void 0 ? [left, leftDiffers, right] : [right, rightDiffers, left];
    const decided = value !== void 0 && !DIFFERING.has(other) && other.kind === data_exports.Kind.String && value.differs(other.coerceString());
    if (!decided) throw new UnknownSignal(this.converted.unknowns.get(marker) ?? "value");
    return new data_exports.BooleanData(type === TokenType.BANG_EQUAL);
  }
  visitIndexAccess(access) {
    if (access.index instanceof Star) return this.checked(super.visitIndexAccess(access), "value", access);
    const object = this.eval(access.expr);
    const key = this.eval(access.index);
    const openName = this.converted.open.get(object);
    let found;
    if (object.kind === data_exports.Kind.Dictionary && key.kind === data_exports.Kind.String) {
      found = object.get(key.coerceString());
      if (found === void 0 && openName !== void 0) throw new UnknownSignal(`${openName}.${key.coerceString()}`);
      if (found === void 0 && UNSET_EMPTY_DICTS.has(object)) found = new data_exports.StringData("");
    } else if (object.kind === data_exports.Kind.Array && key.kind === data_exports.Kind.Number) {
      found = object.values()[key.number()];
    } else if (openName !== void 0) {
      throw new UnknownSignal(`${openName}[${key.coerceString()}]`);
    }
    return this.checked(found ?? new data_exports.Null(), "value", access);
  }
  visitLogical(logical) {
    const isAnd = logical.operator.lexeme === "&&";
    let unknown;
    let unknownBooleans = true;
    let last = new data_exports.Null();
    for (const arg of logical.args) {
      try {
        last = this.eval(arg);
      } catch (error) {
        if (!(error instanceof UnknownSignal)) throw error;
        unknown ??= error.reason;
        unknownBooleans &&= booleanValued(arg);
        continue;
      }
      if (isAnd === isFalsy(last)) {
        const decided = unknown === void 0 || this.truthOnly.has(logical) || // Unknown operands that can only be booleans are `false` (for `||`) or `true` (for `&&`) when they do not
        // decide, and the one that decides, a boolean too, is then the value whichever way they go.
        unknownBooleans && last.kind === data_exports.Kind.Boolean;
        if (!decided) throw new UnknownSignal(unknown ?? "value");
        return last;
      }
    }
    if (unknown !== void 0) throw new UnknownSignal(unknown);
    return last;
  }
};
var BOOLEAN_FUNCTIONS = /* @__PURE__ */ new Set(["contains", "startswith", "endswith", "success", "always", "failure", "cancelled"]);
function booleanValued(node) {
  if (node instanceof Grouping) return booleanValued(node.group);
  if (node instanceof Unary) return node.operator.lexeme === "!";
  if (node instanceof Logical) return node.args.every(booleanValued);
  if (node instanceof FunctionCall) return BOOLEAN_FUNCTIONS.has(node.functionName.lexeme.toLowerCase());
  const operator = node.operator?.type;
  return operator !== void 0 && [
    TokenType.EQUAL_EQUAL,
    TokenType.BANG_EQUAL,
    TokenType.LESS,
    TokenType.LESS_EQUAL,
    TokenType.GREATER,
    TokenType.GREATER_EQUAL
  ].includes(operator);
}
function isFalsy(value) {
  switch (value.kind) {
    case data_exports.Kind.Null:
      return true;
    case data_exports.Kind.Boolean:
      return !value.value;
    case data_exports.Kind.Number: {
      const n = value.number();
      return n === 0 || Number.isNaN(n);
    }
    case data_exports.Kind.String:
      return value.coerceString() === "";
    default:
      return false;
  }
}
function toPlain(value) {
  switch (value.kind) {
    case data_exports.Kind.Null:
      return null;
    case data_exports.Kind.Boolean:
      return value.value;
    case data_exports.Kind.Number:
      return value.number();
    case data_exports.Kind.String:
      return value.coerceString();
    case data_exports.Kind.Array:
      return value.values().map(toPlain);
    default:
      return Object.fromEntries(value.pairs().map((p) => [p.key, toPlain(p.value)]));
  }
}
var CONVERTED = /* @__PURE__ */ new WeakMap();
function convertContexts(context) {
  const known = CONVERTED.get(context);
  if (known) return known;
  const converted = { root: new data_exports.Dictionary(), unknowns: UNKNOWNS, open: OPEN_NAMES };
  for (const [key, value] of Object.entries(context)) converted.root.add(key, convert(value));
  CONVERTED.set(context, converted);
  return converted;
}
var PARSED = /* @__PURE__ */ new Map();
var PARSED_MAX = 4096;
function parseExpression(expression) {
  const known = PARSED.get(expression);
  if (known) return known;
  const parsed = new Parser(new Lexer(expression).lex().tokens, CONTEXTS, FUNCTION_INFO).parse();
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(expression, parsed);
  return parsed;
}
function evaluateExpression(expression, context, options = {}) {
  let node;
  try {
    node = parseExpression(expression);
  } catch (error) {
    return {
      kind: "unknown",
      reason: `expression not read: ${error instanceof Error ? error.message : String(error)}`
    };
  }
  return evaluateNode(node, context, options);
}
function evaluateNode(node, context, options = {}) {
  const converted = convertContexts(context);
  try {
    return {
      kind: "known",
      value: toPlain(new PartialEvaluator(node, converted, options.condition === true).evaluate())
    };
  } catch (error) {
    if (error instanceof UnknownSignal) return { kind: "unknown", reason: error.reason };
    return {
      kind: "unknown",
      reason: `expression not evaluated: ${error instanceof Error ? error.message : String(error)}`
    };
  }
}

// src/workflows/inputs.ts
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function readsInput(text, id) {
  const name = escapeRegExp(id);
  return new RegExp(`inputs\\s*(?:\\.\\s*${name}(?![\\w-])|\\[\\s*['"]${name}['"]\\s*\\])`, "i").test(text);
}
function possibleValues(def, reads, source) {
  const { input } = def;
  const defaultValue = input.default?.kind === "known" ? input.default.value : void 0;
  if (reads && input.type === "choice" && input.options && input.options.length > 0) return [...input.options];
  if (reads && input.type === "boolean") return [true, false];
  if (!reads && defaultValue !== void 0) return [defaultValue];
  return [new Unknown(`inputs.${input.id} (${input.type}: any value ${source})`)];
}
function enumerateInputs(defs, text, limit, source) {
  const choices = defs.map((d) => ({
    id: d.input.id,
    values: possibleValues(d, readsInput(text, d.input.id), source)
  }));
  const count = choices.reduce((n, c) => n * c.values.length, 1);
  if (count > limit) {
    const unknown = Object.fromEntries(
      choices.map((c) => [
        c.id,
        c.values.length === 1 ? c.values[0] ?? null : new Unknown(`inputs.${c.id} (too many combinations)`)
      ])
    );
    return { assignments: [unknown], count };
  }
  let assignments = [{}];
  for (const { id, values } of choices) {
    assignments = assignments.flatMap((a) => values.map((v) => ({ ...a, [id]: v })));
  }
  return { assignments, count };
}
function plainAssignment(assignment) {
  return Object.fromEntries(
    Object.entries(assignment).map(([k, v]) => [k, v instanceof Unknown ? { unknown: v.reason } : v])
  );
}

// src/workflows/context.ts
function literalPattern(patterns) {
  if (patterns?.length !== 1) return void 0;
  const only = patterns[0] ?? "";
  return /[*?+[\]!]/.test(only) ? void 0 : only;
}
var PULL_MERGE_REF = /^refs\/pull\/\d+\/merge$/i;
var PULL_MERGE_REF_NAME = /^\d+\/merge$/i;
function pullRequestRef(trigger, name, form, pattern) {
  const reason = `${name} (${form})`;
  if (trigger.types?.some((type) => type.toLowerCase() === "closed")) {
    return new Unknown(`${name} (${form}, or the base branch when merged)`);
  }
  return new UnknownDiffering(reason, [], pattern);
}
function refOf(trigger, facts) {
  const defaultRef = facts.defaultBranch ? `refs/heads/${facts.defaultBranch}` : new Unknown("github.ref (the default branch, not given)");
  switch (trigger.event) {
    case "push": {
      const tag = trigger.tags !== void 0 || trigger.tagsIgnore !== void 0;
      const branch = literalPattern(trigger.branches);
      const tagName = literalPattern(trigger.tags);
      if (tag) {
        const ref = tagName && !trigger.tagsIgnore ? `refs/tags/${tagName}` : new Unknown("github.ref (a tag matching the filter)");
        return { ref, refType: "tag" };
      }
      if (trigger.branches !== void 0 || trigger.branchesIgnore !== void 0) {
        const ref = branch && !trigger.branchesIgnore ? `refs/heads/${branch}` : new Unknown("github.ref (a branch matching the filter)");
        return { ref, refType: "branch" };
      }
      return { ref: new Unknown("github.ref (any branch or tag pushed)"), refType: new Unknown("github.ref_type") };
    }
    case "schedule":
    case "workflow_run":
      return { ref: defaultRef, refType: "branch" };
    case "release":
      return { ref: new Unknown("github.ref (the release tag)"), refType: "tag" };
    case "pull_request":
      return {
        ref: pullRequestRef(trigger, "github.ref", "refs/pull/<number>/merge", PULL_MERGE_REF),
        refType: "branch"
      };
    default:
      return {
        ref: new Unknown(`github.ref (the ref a ${trigger.eventName} runs on)`),
        refType: new Unknown("github.ref_type")
      };
  }
}
var WITHOUT_PULL_REQUEST = /* @__PURE__ */ new Set([
  "push",
  "workflow_dispatch",
  "schedule",
  "release",
  "merge_group",
  "workflow_run"
]);
var WITH_REPOSITORY = /* @__PURE__ */ new Set([
  "push",
  "pull_request",
  "pull_request_target",
  "workflow_dispatch",
  "release",
  "workflow_run",
  "merge_group"
]);
function eventRepository(repository) {
  const [owner = "", name = ""] = repository.split("/");
  return open("github.event.repository", {
    name,
    full_name: repository,
    owner: open("github.event.repository.owner", { login: owner })
  });
}
function headRepository(fork, facts) {
  const name = "github.event.pull_request.head.repo.full_name";
  let fullName;
  if (!facts.repository) fullName = new Unknown(name);
  else if (fork) fullName = new UnknownDiffering(`${name} (a fork's, never ${facts.repository})`, [facts.repository]);
  else fullName = facts.repository;
  return open("github.event.pull_request.head.repo", { fork, full_name: fullName });
}
function eventOf(trigger, inputs, facts) {
  const fields = {};
  if (WITHOUT_PULL_REQUEST.has(trigger.event)) fields.pull_request = null;
  if (WITH_REPOSITORY.has(trigger.event) && facts.repository) fields.repository = eventRepository(facts.repository);
  if (trigger.event === "workflow_dispatch") {
    fields.inputs = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, typeof v === "boolean" || typeof v === "number" ? String(v) : v])
    );
  }
  if ((trigger.event === "pull_request" || trigger.event === "pull_request_target") && trigger.fork !== void 0) {
    const head = open("github.event.pull_request.head", { repo: headRepository(trigger.fork, facts) });
    fields.pull_request = open("github.event.pull_request", { head });
  }
  return open("github.event", fields);
}
function githubContext(trigger, inputs, facts) {
  const { ref, refType } = refOf(trigger, facts);
  let refName = typeof ref === "string" ? ref.replace(/^refs\/(heads|tags)\//, "") : new Unknown("github.ref_name");
  if (trigger.event === "pull_request") {
    refName = pullRequestRef(trigger, "github.ref_name", "<number>/merge", PULL_MERGE_REF_NAME);
  }
  const repository = facts.repository ?? new Unknown("github.repository (not given)");
  const owner = facts.repository?.split("/")[0] ?? new Unknown("github.repository_owner (not given)");
  const eventName = trigger.event === "workflow_call" ? new Unknown("github.event_name (the event of a caller outside the workflows read)") : trigger.eventName;
  return open("github", {
    event_name: eventName,
    ref,
    ref_name: refName,
    ref_type: refType,
    repository,
    repository_owner: owner,
    // https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context
    repository_id: facts.repositoryId ?? new Unknown("github.repository_id"),
    repository_owner_id: facts.repositoryOwnerId ?? new Unknown("github.repository_owner_id"),
    event: eventOf(trigger, inputs, facts)
  });
}
var UNKNOWN_CONTEXTS = {
  secrets: open("secrets"),
  steps: open("steps"),
  needs: open("needs"),
  job: open("job"),
  jobs: open("jobs"),
  runner: open("runner"),
  strategy: open("strategy")
};
function variablesOf(facts) {
  const vars = facts.vars;
  if (vars === void 0) return {};
  const isListings = typeof vars.repository === "object" && vars.repository !== null || typeof vars.environments === "object" && vars.environments !== null;
  if (isListings) return vars;
  return { repository: { values: vars, complete: false, source: "the caller" } };
}
function merged(...listings) {
  const out = /* @__PURE__ */ new Map();
  for (const listing of listings)
    for (const [name, value] of Object.entries(listing?.values ?? {})) out.set(name.toUpperCase(), [name, value]);
  return out;
}
function environmentListing(variables, name) {
  const environments = variables.environments ?? {};
  const key = Object.keys(environments).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === void 0 ? void 0 : environments[key];
}
function varsContext(facts, environment) {
  return remembered(facts, "vars", environment, () => listingContext("vars", variablesOf(facts), environment));
}
var MADE = /* @__PURE__ */ new WeakMap();
function remembered(facts, name, environment, make) {
  if (environment !== void 0 && typeof environment !== "string") return make();
  let made = MADE.get(facts);
  if (made === void 0) {
    made = /* @__PURE__ */ new Map();
    MADE.set(facts, made);
  }
  const key = `${name}\0${environment === void 0 ? "" : `=${environment}`}`;
  let value = made.get(key);
  if (value === void 0) {
    value = make();
    made.set(key, value);
  }
  return value;
}
function secretsContext(facts, environment) {
  return remembered(facts, "secrets", environment, () => listingContext("secrets", facts.secrets ?? {}, environment));
}
function listingContext(context, variables, environment) {
  const repository = variables.repository;
  if (environment === void 0) {
    const values2 = Object.fromEntries([...merged(repository).values()]);
    return repository?.complete ? listed(values2) : open(context, values2);
  }
  if (typeof environment !== "string") {
    const why2 = `the environment of the job (${environment instanceof Unknown ? environment.reason : "not a name"}) may set its own`;
    return open(context, replaceable(context, repository, why2));
  }
  const own = environmentListing(variables, environment);
  const why = `environment ${environment} may set its own`;
  if (own === void 0) return open(context, replaceable(context, repository, why));
  const values = Object.fromEntries([...merged(repository, own).values()]);
  if (!own.complete) {
    const byName = /* @__PURE__ */ new Map();
    for (const [name, value] of Object.entries(replaceable(context, repository, why)))
      byName.set(name.toUpperCase(), [name, value]);
    for (const [upper, entry] of merged(own)) byName.set(upper, entry);
    return open(context, Object.fromEntries([...byName.values()]));
  }
  return repository?.complete ? listed(values) : open(context, values);
}
function replaceable(context, repository, why) {
  const out = {};
  for (const [, [name]] of merged(repository)) out[name] = new Unknown(`${context}.${name} (${why})`);
  return out;
}

// node_modules/@actions/workflow-parser/dist/actions/action-constants.js
var ACTION_ROOT = "action-root-strict";

// node_modules/@actions/workflow-parser/dist/templates/parse-event.js
var ParseEvent = class {
  constructor(type, token) {
    this.type = type;
    this.token = token;
  }
};
var EventType;
(function(EventType2) {
  EventType2[EventType2["Literal"] = 0] = "Literal";
  EventType2[EventType2["SequenceStart"] = 1] = "SequenceStart";
  EventType2[EventType2["SequenceEnd"] = 2] = "SequenceEnd";
  EventType2[EventType2["MappingStart"] = 3] = "MappingStart";
  EventType2[EventType2["MappingEnd"] = 4] = "MappingEnd";
  EventType2[EventType2["DocumentStart"] = 5] = "DocumentStart";
  EventType2[EventType2["DocumentEnd"] = 6] = "DocumentEnd";
})(EventType || (EventType = {}));

// node_modules/@actions/workflow-parser/dist/templates/tokens/types.js
var TokenType2;
(function(TokenType3) {
  TokenType3[TokenType3["String"] = 0] = "String";
  TokenType3[TokenType3["Sequence"] = 1] = "Sequence";
  TokenType3[TokenType3["Mapping"] = 2] = "Mapping";
  TokenType3[TokenType3["BasicExpression"] = 3] = "BasicExpression";
  TokenType3[TokenType3["InsertExpression"] = 4] = "InsertExpression";
  TokenType3[TokenType3["Boolean"] = 5] = "Boolean";
  TokenType3[TokenType3["Number"] = 6] = "Number";
  TokenType3[TokenType3["Null"] = 7] = "Null";
})(TokenType2 || (TokenType2 = {}));
function tokenTypeName(type) {
  switch (type) {
    case TokenType2.String:
      return "StringToken";
    case TokenType2.Sequence:
      return "SequenceToken";
    case TokenType2.Mapping:
      return "MappingToken";
    case TokenType2.BasicExpression:
      return "BasicExpressionToken";
    case TokenType2.InsertExpression:
      return "InsertExpressionToken";
    case TokenType2.Boolean:
      return "BooleanToken";
    case TokenType2.Number:
      return "NumberToken";
    case TokenType2.Null:
      return "NullToken";
    default: {
      const exhaustiveCheck = type;
      throw new Error(`Unhandled token type: ${type} ${exhaustiveCheck}}`);
    }
  }
}

// node_modules/@actions/workflow-parser/dist/templates/tokens/traversal-state.js
var TraversalState = class {
  constructor(parent, token) {
    this.index = -1;
    this.isKey = false;
    this.parent = parent;
    this._token = token;
    this.current = token;
  }
  moveNext(omitKeys) {
    switch (this._token.templateTokenType) {
      case TokenType2.Sequence: {
        const sequence = this._token;
        if (++this.index < sequence.count) {
          this.current = sequence.get(this.index);
          return true;
        }
        this.current = void 0;
        return false;
      }
      case TokenType2.Mapping: {
        const mapping = this._token;
        if (this.isKey) {
          this.isKey = false;
          this.currentKey = this.current;
          this.current = mapping.get(this.index).value;
          return true;
        }
        if (++this.index < mapping.count) {
          if (omitKeys) {
            this.isKey = false;
            this.currentKey = mapping.get(this.index).key;
            this.current = mapping.get(this.index).value;
            return true;
          }
          this.isKey = true;
          this.currentKey = void 0;
          this.current = mapping.get(this.index).key;
          return true;
        }
        this.currentKey = void 0;
        this.current = void 0;
        return false;
      }
      default:
        throw new Error(`Unexpected token type '${this._token.templateTokenType}' when traversing state`);
    }
  }
  /**
   * Returns the ancestor tokens from root to the current token's parent container.
   */
  getAncestors() {
    const ancestors = [];
    let state = this.parent;
    while (state) {
      if (state.current) {
        ancestors.unshift(state.current);
      }
      state = state.parent;
    }
    return ancestors;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/template-token.js
var TemplateTokenError = class extends Error {
  constructor(message, token) {
    super(message);
    this.token = token;
  }
};
var TemplateToken = class {
  /**
   * Base class for all template tokens
   */
  constructor(type, file, range, definitionInfo) {
    this.type = type;
    this.file = file;
    this.range = range;
    this.definitionInfo = definitionInfo;
  }
  get templateTokenType() {
    return this.type;
  }
  get line() {
    return this.range?.start.line;
  }
  get col() {
    return this.range?.start.column;
  }
  get definition() {
    return this.definitionInfo?.definition;
  }
  get description() {
    return this._description || this.propertyDefinition?.description || this.definition?.description;
  }
  set description(description) {
    this._description = description;
  }
  typeName() {
    return tokenTypeName(this.type);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertNull(objectDescription) {
    if (this.type === TokenType2.Null) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.Null)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertBoolean(objectDescription) {
    if (this.type === TokenType2.Boolean) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.Boolean)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertNumber(objectDescription) {
    if (this.type === TokenType2.Number) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.Number)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertString(objectDescription) {
    if (this.type === TokenType2.String) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.String)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertScalar(objectDescription) {
    if (this?.isScalar === true) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type 'ScalarToken' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertSequence(objectDescription) {
    if (this.type === TokenType2.Sequence) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.Sequence)}' was expected.`, this);
  }
  /**
   * Asserts expected type and throws a good debug message if unexpected
   */
  assertMapping(objectDescription) {
    if (this.type === TokenType2.Mapping) {
      return this;
    }
    throw new TemplateTokenError(`Unexpected type '${this.typeName()}' encountered while reading '${objectDescription}'. The type '${tokenTypeName(TokenType2.Mapping)}' was expected.`, this);
  }
  /**
   * Returns all tokens (depth first)
   * @param value The object to traverse
   * @param omitKeys Whether to omit mapping keys
   * @yields A tuple of [parent, token, keyToken, ancestors] for each token in the tree
   */
  static *traverse(value, omitKeys) {
    yield [void 0, value, void 0, []];
    switch (value.templateTokenType) {
      case TokenType2.Sequence:
      case TokenType2.Mapping: {
        let state = new TraversalState(void 0, value);
        state = new TraversalState(state, value);
        while (state.parent) {
          if (state.moveNext(omitKeys ?? false)) {
            value = state.current;
            yield [state.parent?.current, value, state.currentKey, state.getAncestors()];
            switch (value.type) {
              case TokenType2.Sequence:
              case TokenType2.Mapping:
                state = new TraversalState(state, value);
                break;
            }
          } else {
            state = state.parent;
          }
        }
        break;
      }
    }
  }
  toJSON() {
    return void 0;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/scalar-token.js
var ScalarToken = class extends TemplateToken {
  constructor(type, file, range, definitionInfo) {
    super(type, file, range, definitionInfo);
  }
  get isScalar() {
    return true;
  }
  static trimDisplayString(displayString) {
    let firstLine = displayString.trimStart();
    const firstNewLine = firstLine.indexOf("\n");
    const firstCarriageReturn = firstLine.indexOf("\r");
    if (firstNewLine >= 0 || firstCarriageReturn >= 0) {
      firstLine = firstLine.substr(0, Math.min(firstNewLine >= 0 ? firstNewLine : Number.MAX_VALUE, firstCarriageReturn >= 0 ? firstCarriageReturn : Number.MAX_VALUE));
    }
    return firstLine;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/literal-token.js
var LiteralToken = class extends ScalarToken {
  constructor(type, file, range, definitionInfo) {
    super(type, file, range, definitionInfo);
  }
  get isLiteral() {
    return true;
  }
  get isExpression() {
    return false;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  /**
   * Throws a good debug message when an unexpected literal value is encountered
   */
  assertUnexpectedValue(objectDescription) {
    throw new Error(`Error while reading '${objectDescription}'. Unexpected value '${this.toString()}'`);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/string-token.js
var StringToken = class _StringToken extends LiteralToken {
  constructor(file, range, value, definitionInfo, source, blockScalarHeader) {
    super(TokenType2.String, file, range, definitionInfo);
    this.value = value;
    this.source = source;
    this.blockScalarHeader = blockScalarHeader;
  }
  clone(omitSource) {
    return omitSource ? new _StringToken(void 0, void 0, this.value, this.definitionInfo, this.source, this.blockScalarHeader) : new _StringToken(this.file, this.range, this.value, this.definitionInfo, this.source, this.blockScalarHeader);
  }
  toString() {
    return this.value;
  }
  toJSON() {
    return this.value;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/number-token.js
var NumberToken = class _NumberToken extends LiteralToken {
  constructor(file, range, value, definitionInfo) {
    super(TokenType2.Number, file, range, definitionInfo);
    this.num = value;
  }
  get value() {
    return this.num;
  }
  clone(omitSource) {
    return omitSource ? new _NumberToken(void 0, void 0, this.num, this.definitionInfo) : new _NumberToken(this.file, this.range, this.num, this.definitionInfo);
  }
  toString() {
    return `${this.num}`;
  }
  toJSON() {
    return this.num;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/boolean-token.js
var BooleanToken = class _BooleanToken extends LiteralToken {
  constructor(file, range, value, definitionInfo) {
    super(TokenType2.Boolean, file, range, definitionInfo);
    this.bool = value;
  }
  get value() {
    return this.bool;
  }
  clone(omitSource) {
    return omitSource ? new _BooleanToken(void 0, void 0, this.bool, this.definitionInfo) : new _BooleanToken(this.file, this.range, this.bool, this.definitionInfo);
  }
  toString() {
    return this.bool ? "true" : "false";
  }
  toJSON() {
    return this.bool;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/null-token.js
var NullToken = class _NullToken extends LiteralToken {
  constructor(file, range, definitionInfo) {
    super(TokenType2.Null, file, range, definitionInfo);
  }
  clone(omitSource) {
    return omitSource ? new _NullToken(void 0, void 0, this.definitionInfo) : new _NullToken(this.file, this.range, this.definitionInfo);
  }
  toString() {
    return "";
  }
  toJSON() {
    return null;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/key-value-pair.js
var KeyValuePair = class {
  constructor(key, value) {
    this.key = key;
    this.value = value;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/sequence-token.js
var SequenceToken = class _SequenceToken extends TemplateToken {
  constructor(file, range, definitionInfo) {
    super(TokenType2.Sequence, file, range, definitionInfo);
    this.seq = [];
  }
  get count() {
    return this.seq.length;
  }
  get isScalar() {
    return false;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return false;
  }
  add(value) {
    this.seq.push(value);
  }
  get(index) {
    return this.seq[index];
  }
  clone(omitSource) {
    const result = omitSource ? new _SequenceToken(void 0, void 0, this.definitionInfo) : new _SequenceToken(this.file, this.range, this.definitionInfo);
    for (const item of this.seq) {
      result.add(item.clone(omitSource));
    }
    return result;
  }
  toJSON() {
    return {
      type: TokenType2.Sequence,
      seq: this.seq
    };
  }
  *[Symbol.iterator]() {
    for (const item of this.seq) {
      yield item;
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/mapping-token.js
var MappingToken = class _MappingToken extends TemplateToken {
  constructor(file, range, definitionInfo) {
    super(TokenType2.Mapping, file, range, definitionInfo);
    this.map = [];
  }
  get count() {
    return this.map.length;
  }
  get isScalar() {
    return false;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return false;
  }
  add(key, value) {
    this.map.push(new KeyValuePair(key, value));
  }
  get(index) {
    return this.map[index];
  }
  find(key) {
    const pair = this.map.find((pair2) => pair2.key.toString() === key);
    return pair?.value;
  }
  remove(index) {
    this.map.splice(index, 1);
  }
  clone(omitSource) {
    const result = omitSource ? new _MappingToken(void 0, void 0, this.definitionInfo) : new _MappingToken(this.file, this.range, this.definitionInfo);
    for (const item of this.map) {
      result.add(item.key.clone(omitSource), item.value.clone(omitSource));
    }
    return result;
  }
  toJSON() {
    const items2 = [];
    for (const item of this.map) {
      items2.push({ Key: item.key, Value: item.value });
    }
    return {
      type: TokenType2.Mapping,
      map: items2
    };
  }
  *[Symbol.iterator]() {
    for (const item of this.map) {
      yield item;
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/template-constants.js
var ALLOWED_VALUES = "allowed-values";
var ANY = "any";
var BOOLEAN = "boolean";
var BOOLEAN_DEFINITION = "boolean-definition";
var BOOLEAN_DEFINITION_PROPERTIES = "boolean-definition-properties";
var CLOSE_EXPRESSION = "}}";
var CONSTANT = "constant";
var CONTEXT = "context";
var DEFINITION = "definition";
var DEFINITIONS = "definitions";
var DESCRIPTION = "description";
var IGNORE_CASE = "ignore-case";
var INSERT_DIRECTIVE = "insert";
var IS_EXPRESSION = "is-expression";
var ITEM_TYPE = "item-type";
var LOOSE_KEY_TYPE = "loose-key-type";
var LOOSE_VALUE_TYPE = "loose-value-type";
var MAX_CONSTANT = "MAX";
var MAPPING = "mapping";
var MAPPING_DEFINITION = "mapping-definition";
var MAPPING_DEFINITION_PROPERTIES = "mapping-definition-properties";
var MAPPING_PROPERTY_VALUE = "mapping-property-value";
var NON_EMPTY_STRING = "non-empty-string";
var NULL = "null";
var NULL_DEFINITION = "null-definition";
var NULL_DEFINITION_PROPERTIES = "null-definition-properties";
var NUMBER = "number";
var NUMBER_DEFINITION = "number-definition";
var NUMBER_DEFINITION_PROPERTIES = "number-definition-properties";
var ONE_OF = "one-of";
var ONE_OF_DEFINITION = "one-of-definition";
var OPEN_EXPRESSION = "${{";
var PROPERTY_VALUE = "property-value";
var PROPERTIES = "properties";
var REQUIRED = "required";
var REQUIRE_NON_EMPTY = "require-non-empty";
var SCALAR = "scalar";
var SEQUENCE = "sequence";
var SEQUENCE_DEFINITION = "sequence-definition";
var SEQUENCE_DEFINITION_PROPERTIES = "sequence-definition-properties";
var TYPE = "type";
var SEQUENCE_OF_NON_EMPTY_STRING = "sequence-of-non-empty-string";
var STRING = "string";
var STRING_DEFINITION = "string-definition";
var STRING_DEFINITION_PROPERTIES = "string-definition-properties";
var TEMPLATE_SCHEMA = "template-schema";
var VERSION = "version";

// node_modules/@actions/workflow-parser/dist/templates/allowed-context.js
function splitAllowedContext(allowedContext) {
  const FUNCTION_REGEXP = /^([a-zA-Z0-9_]+)\(([0-9]+),([0-9]+|MAX)\)$/;
  const namedContexts = [];
  const functions = [];
  if (allowedContext.length > 0) {
    for (const contextItem of allowedContext) {
      const match = contextItem.match(FUNCTION_REGEXP);
      if (match) {
        const functionName = match[1];
        const minParameters = Number.parseInt(match[2]);
        const maxParametersRaw = match[3];
        const maxParameters = maxParametersRaw === MAX_CONSTANT ? Number.MAX_SAFE_INTEGER : Number.parseInt(maxParametersRaw);
        functions.push({
          name: functionName,
          minArgs: minParameters,
          maxArgs: maxParameters
        });
      } else {
        namedContexts.push(contextItem);
      }
    }
  }
  return {
    namedContexts,
    functions
  };
}

// node_modules/@actions/workflow-parser/dist/templates/tokens/expression-token.js
var ExpressionToken = class extends ScalarToken {
  constructor(type, file, range, directive, definitionInfo) {
    super(type, file, range, definitionInfo);
    this.directive = directive;
  }
  get isLiteral() {
    return false;
  }
  get isExpression() {
    return true;
  }
  static validateExpression(expression, allowedContext) {
    const { namedContexts, functions } = splitAllowedContext(allowedContext);
    const lexer = new Lexer(expression);
    const result = lexer.lex();
    const p = new Parser(result.tokens, namedContexts, functions);
    p.parse();
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/basic-expression-token.js
var BasicExpressionToken = class _BasicExpressionToken extends ExpressionToken {
  /**
   * @param file The file ID where this token originated
   * @param range The range of the entire expression including `${{` and `}}`
   * @param expression The expression string without `${{` and `}}` markers
   * @param definitionInfo Schema definition info for this token
   * @param originalExpressions If transformed from individual expressions (e.g., format()), these are the originals
   * @param source The original source string from the YAML
   * @param expressionRange The range of just the expression, excluding `${{` and `}}`
   * @param blockScalarHeader The block scalar header (e.g., "|", "|-") if parsed from a YAML block scalar
   */
  constructor(file, range, expression, definitionInfo, originalExpressions, source, expressionRange, blockScalarHeader) {
    super(TokenType2.BasicExpression, file, range, void 0, definitionInfo);
    this.expr = expression;
    this.source = source;
    this.originalExpressions = originalExpressions;
    this.expressionRange = expressionRange;
    this.blockScalarHeader = blockScalarHeader;
  }
  get expression() {
    return this.expr;
  }
  clone(omitSource) {
    return omitSource ? new _BasicExpressionToken(void 0, void 0, this.expr, this.definitionInfo, this.originalExpressions, this.source, this.expressionRange, this.blockScalarHeader) : new _BasicExpressionToken(this.file, this.range, this.expr, this.definitionInfo, this.originalExpressions, this.source, this.expressionRange, this.blockScalarHeader);
  }
  toString() {
    return `${OPEN_EXPRESSION} ${this.expr} ${CLOSE_EXPRESSION}`;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  toJSON() {
    return {
      type: TokenType2.BasicExpression,
      expr: this.expr
    };
  }
};

// node_modules/@actions/workflow-parser/dist/templates/tokens/insert-expression-token.js
var InsertExpressionToken = class _InsertExpressionToken extends ExpressionToken {
  constructor(file, range, definitionInfo) {
    super(TokenType2.InsertExpression, file, range, INSERT_DIRECTIVE, definitionInfo);
  }
  clone(omitSource) {
    return omitSource ? new _InsertExpressionToken(void 0, void 0, this.definitionInfo) : new _InsertExpressionToken(this.file, this.range, this.definitionInfo);
  }
  toString() {
    return `${OPEN_EXPRESSION} ${INSERT_DIRECTIVE} ${CLOSE_EXPRESSION}`;
  }
  toDisplayString() {
    return ScalarToken.trimDisplayString(this.toString());
  }
  toJSON() {
    return {
      type: TokenType2.InsertExpression,
      expr: "insert"
    };
  }
};

// node_modules/@actions/workflow-parser/dist/templates/json-object-reader.js
var JSONObjectReader = class {
  constructor(fileId, input) {
    this._fileId = fileId;
    const value = JSON.parse(input);
    this._generator = this.getParseEvents(value, true);
    this._current = this._generator.next();
  }
  allowLiteral() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.Literal) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  allowMappingStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowMappingEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  validateEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentEnd) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected end of reader");
  }
  validateStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentStart) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected start of reader");
  }
  /**
   * Returns all tokens (depth first)
   */
  *getParseEvents(value, root) {
    if (root) {
      yield new ParseEvent(EventType.DocumentStart, void 0);
    }
    switch (typeof value) {
      case "undefined":
        yield new ParseEvent(EventType.Literal, new NullToken(this._fileId, void 0, void 0));
        break;
      case "boolean":
        yield new ParseEvent(EventType.Literal, new BooleanToken(this._fileId, void 0, value, void 0));
        break;
      case "number":
        yield new ParseEvent(EventType.Literal, new NumberToken(this._fileId, void 0, value, void 0));
        break;
      case "string":
        yield new ParseEvent(EventType.Literal, new StringToken(this._fileId, void 0, value, void 0));
        break;
      case "object":
        if (value === null) {
          yield new ParseEvent(EventType.Literal, new NullToken(this._fileId, void 0, void 0));
        } else if (Array.isArray(value)) {
          yield new ParseEvent(EventType.SequenceStart, new SequenceToken(this._fileId, void 0, void 0));
          for (const item of value) {
            for (const e of this.getParseEvents(item)) {
              yield e;
            }
          }
          yield new ParseEvent(EventType.SequenceEnd, void 0);
        } else {
          yield new ParseEvent(EventType.MappingStart, new MappingToken(this._fileId, void 0, void 0));
          for (const key of Object.keys(value)) {
            yield new ParseEvent(EventType.Literal, new StringToken(this._fileId, void 0, key, void 0));
            for (const e of this.getParseEvents(value[key])) {
              yield e;
            }
          }
          yield new ParseEvent(EventType.MappingEnd, void 0);
        }
        break;
      default:
        throw new Error(`Unexpected value type '${typeof value}' when reading object`);
    }
    if (root) {
      yield new ParseEvent(EventType.DocumentEnd, void 0);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/template-validation-error.js
var TemplateValidationError = class {
  constructor(rawMessage, prefix, code, range) {
    this.rawMessage = rawMessage;
    this.prefix = prefix;
    this.code = code;
    this.range = range;
  }
  get message() {
    if (this.prefix) {
      return `${this.prefix}: ${this.rawMessage}`;
    }
    return this.rawMessage;
  }
  toString() {
    return this.message;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/template-context.js
var TemplateContext = class {
  constructor(errors, schema3, trace) {
    this._fileIds = {};
    this._fileNames = [];
    this.expressionFunctions = [];
    this.expressionNamedContexts = [];
    this.state = {};
    this.errors = errors;
    this.schema = schema3;
    this.trace = trace;
  }
  error(tokenOrFileId, err, tokenRange) {
    const token = tokenOrFileId;
    const range = tokenRange || token?.range;
    const prefix = this.getErrorPrefix(token?.file ?? tokenOrFileId, token?.line, token?.col);
    const message = err?.message ?? String(err);
    const e = new TemplateValidationError(message, prefix, void 0, range);
    this.errors.add(e);
    this.trace.error(e.message);
  }
  /**
   * Gets or adds the file ID
   */
  getFileId(file) {
    const key = file.toUpperCase();
    let id = this._fileIds[key];
    if (id === void 0) {
      id = this._fileNames.length + 1;
      this._fileIds[key] = id;
      this._fileNames.push(file);
    }
    return id;
  }
  /**
   * Looks up a file name by ID. Returns undefined if not found.
   */
  getFileName(fileId) {
    return this._fileNames.length >= fileId ? this._fileNames[fileId - 1] : void 0;
  }
  /**
   * Gets a copy of the file table
   */
  getFileTable() {
    return this._fileNames.slice();
  }
  getErrorPrefix(fileId, line, column) {
    const fileName = fileId !== void 0 ? this.getFileName(fileId) : void 0;
    if (fileName) {
      if (line !== void 0 && column !== void 0) {
        return `${fileName} (Line: ${line}, Col: ${column})`;
      } else {
        return fileName;
      }
    } else if (line !== void 0 && column !== void 0) {
      return `(Line: ${line}, Col: ${column})`;
    } else {
      return "";
    }
  }
};
var TemplateValidationErrors = class {
  constructor(maxErrors, maxMessageLength) {
    this._errors = [];
    this._maxErrors = maxErrors ?? 0;
    this._maxMessageLength = maxMessageLength ?? 0;
  }
  get count() {
    return this._errors.length;
  }
  add(err) {
    for (let e of Array.isArray(err) ? err : [err]) {
      if (this._maxErrors <= 0 || this._errors.length < this._maxErrors) {
        if (this._maxMessageLength > 0 && e.message.length > this._maxMessageLength) {
          e = new TemplateValidationError(e.message.substring(0, this._maxMessageLength) + "[...]", e.prefix, e.code, e.range);
        }
        this._errors.push(e);
      }
    }
  }
  /**
   * Throws if any errors
   * @param prefix The error message prefix
   */
  check(prefix) {
    if (this._errors.length <= 0) {
      return;
    }
    if (!prefix) {
      prefix = "The template is not valid.";
    }
    throw new Error(`${prefix} ${this._errors.map((x) => x.message).join(",")}`);
  }
  clear() {
    this._errors = [];
  }
  getErrors() {
    return this._errors.slice();
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition-info.js
var DefinitionInfo = class {
  constructor(schemaOrParent, nameOrDefinition) {
    this.isDefinitionInfo = true;
    const parent = schemaOrParent?.isDefinitionInfo === true ? schemaOrParent : void 0;
    this._schema = parent === void 0 ? schemaOrParent : parent._schema;
    this.definition = typeof nameOrDefinition === "string" ? this._schema.getDefinition(nameOrDefinition) : nameOrDefinition;
    if (this.definition.readerContext.length > 0) {
      this.allowedContext = [];
      const upperSeen = {};
      for (const context of parent?.allowedContext ?? []) {
        this.allowedContext.push(context);
        upperSeen[context.toUpperCase()] = true;
      }
      for (const context of this.definition.readerContext) {
        const upper = context.toUpperCase();
        if (!upperSeen[upper]) {
          this.allowedContext.push(context);
          upperSeen[upper] = true;
        }
      }
    } else {
      this.allowedContext = parent?.allowedContext ?? [];
    }
  }
  getScalarDefinitions() {
    return this._schema.getScalarDefinitions(this.definition);
  }
  getDefinitionsOfType(type) {
    return this._schema.getDefinitionsOfType(this.definition, type);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition-type.js
var DefinitionType;
(function(DefinitionType2) {
  DefinitionType2[DefinitionType2["Null"] = 0] = "Null";
  DefinitionType2[DefinitionType2["Boolean"] = 1] = "Boolean";
  DefinitionType2[DefinitionType2["Number"] = 2] = "Number";
  DefinitionType2[DefinitionType2["String"] = 3] = "String";
  DefinitionType2[DefinitionType2["Sequence"] = 4] = "Sequence";
  DefinitionType2[DefinitionType2["Mapping"] = 5] = "Mapping";
  DefinitionType2[DefinitionType2["OneOf"] = 6] = "OneOf";
  DefinitionType2[DefinitionType2["AllowedValues"] = 7] = "AllowedValues";
})(DefinitionType || (DefinitionType = {}));

// node_modules/@actions/workflow-parser/dist/templates/tokens/type-guards.js
function isLiteral(t) {
  return t.isLiteral;
}
function isScalar(t) {
  return t.isScalar;
}
function isString(t) {
  return isLiteral(t) && t.templateTokenType === TokenType2.String;
}
function isSequence(t) {
  return t instanceof SequenceToken;
}
function isMapping(t) {
  return t instanceof MappingToken;
}

// node_modules/@actions/workflow-parser/dist/templates/template-reader.js
var WHITESPACE_PATTERN = /\s/;
var backgroundStepProperties = /* @__PURE__ */ new Set(["background", "wait", "wait-all", "cancel"]);
var backgroundStepOnlyProperties = /* @__PURE__ */ new Set(["wait", "wait-all", "cancel"]);
function readTemplate(context, type, objectReader, fileId) {
  const reader = new TemplateReader(context, objectReader, fileId);
  let value;
  try {
    objectReader.validateStart();
    const definition = new DefinitionInfo(context.schema, type);
    value = reader.readValue(definition);
    objectReader.validateEnd();
  } catch (err) {
    context.error(fileId, err);
  }
  return value;
}
var TemplateReader = class {
  constructor(context, objectReader, fileId) {
    this._context = context;
    this._schema = context.schema;
    this._objectReader = objectReader;
    this._fileId = fileId;
  }
  readValue(definition) {
    const literal2 = this._objectReader.allowLiteral();
    if (literal2) {
      let scalar = this.parseScalar(literal2, definition);
      scalar = this.validate(scalar, definition);
      return scalar;
    }
    const sequence = this._objectReader.allowSequenceStart();
    if (sequence) {
      const sequenceDefinition = definition.getDefinitionsOfType(DefinitionType.Sequence)[0];
      if (sequenceDefinition) {
        const itemDefinition = new DefinitionInfo(definition, sequenceDefinition.itemType);
        while (!this._objectReader.allowSequenceEnd()) {
          const item = this.readValue(itemDefinition);
          sequence.add(item);
        }
      } else {
        this._context.error(sequence, "A sequence was not expected");
        while (!this._objectReader.allowSequenceEnd()) {
          this.skipValue();
        }
      }
      sequence.definitionInfo = definition;
      return sequence;
    }
    const mapping = this._objectReader.allowMappingStart();
    if (mapping) {
      const mappingDefinitions = definition.getDefinitionsOfType(DefinitionType.Mapping);
      if (mappingDefinitions.length > 0) {
        if (mappingDefinitions.length > 1 || Object.keys(mappingDefinitions[0].properties).length > 0 || !mappingDefinitions[0].looseKeyType) {
          this.handleMappingWithWellKnownProperties(definition, mappingDefinitions, mapping);
        } else {
          const keyDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseKeyType);
          const valueDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseValueType);
          this.handleMappingWithAllLooseProperties(definition, keyDefinition, valueDefinition, mappingDefinitions[0], mapping);
        }
      } else {
        this._context.error(mapping, "A mapping was not expected");
        while (!this._objectReader.allowMappingEnd()) {
          this.skipValue();
          this.skipValue();
        }
      }
      if (!mapping.definitionInfo) {
        mapping.definitionInfo = definition;
      }
      return mapping;
    }
    throw new Error("Expected a scalar value, a sequence, or a mapping");
  }
  handleMappingWithWellKnownProperties(definition, mappingDefinitions, mapping) {
    let looseKeyType;
    let looseValueType;
    let looseKeyDefinition;
    let looseValueDefinition;
    if (mappingDefinitions[0].looseKeyType) {
      looseKeyType = mappingDefinitions[0].looseKeyType;
      looseValueType = mappingDefinitions[0].looseValueType;
    }
    const upperKeys = {};
    let hasExpressionKey = false;
    let rawLiteral;
    while (rawLiteral = this._objectReader.allowLiteral()) {
      const nextKeyScalar = this.parseScalar(rawLiteral, definition);
      if (nextKeyScalar.isExpression) {
        hasExpressionKey = true;
        if (definition.allowedContext.length > 0) {
          const anyDefinition = new DefinitionInfo(definition, ANY);
          mapping.add(nextKeyScalar, this.readValue(anyDefinition));
        } else {
          this._context.error(nextKeyScalar, "A template expression is not allowed in this context");
          this.skipValue();
        }
        continue;
      }
      const nextKey = nextKeyScalar.templateTokenType === TokenType2.String ? nextKeyScalar : new StringToken(nextKeyScalar.file, nextKeyScalar.range, nextKeyScalar.toString(), nextKeyScalar.definitionInfo);
      if (nextKey.value) {
        const upperKey = nextKey.value.toUpperCase();
        if (upperKeys[upperKey]) {
          this._context.error(nextKey, `'${nextKey.value}' is already defined`);
          this.skipValue();
          continue;
        }
        upperKeys[upperKey] = true;
      }
      const nextPropertyDef = this._schema.matchPropertyAndFilter(mappingDefinitions, nextKey.value);
      if (nextPropertyDef) {
        if (!this.backgroundStepsEnabled() && backgroundStepProperties.has(nextKey.value)) {
          this._context.error(nextKey, `Unexpected value '${nextKey.value}'`);
          this.skipValue();
          continue;
        }
        const nextDefinition = new DefinitionInfo(definition, nextPropertyDef.type);
        nextKey.definitionInfo = nextDefinition;
        if (nextPropertyDef.description) {
          nextKey.description = nextPropertyDef.description;
        }
        const nextValue = this.readValue(nextDefinition);
        mapping.add(nextKey, nextValue);
        continue;
      }
      if (looseKeyType) {
        if (!looseKeyDefinition) {
          looseKeyDefinition = new DefinitionInfo(definition, looseKeyType);
          looseValueDefinition = new DefinitionInfo(definition, looseValueType);
        }
        this.validate(nextKey, looseKeyDefinition);
        const nextDefinition = new DefinitionInfo(definition, mappingDefinitions[0].looseValueType);
        nextKey.definitionInfo = nextDefinition;
        const nextValue = this.readValue(looseValueDefinition);
        mapping.add(nextKey, nextValue);
        continue;
      }
      this._context.error(nextKey, `Unexpected value '${nextKey.value}'`);
      this.skipValue();
    }
    if (mappingDefinitions.length === 1) {
      mapping.definitionInfo = new DefinitionInfo(definition, mappingDefinitions[0]);
    }
    if (mappingDefinitions.length > 1) {
      const hitCount = {};
      for (const mappingDefinition of mappingDefinitions) {
        for (const key of Object.keys(mappingDefinition.properties)) {
          hitCount[key] = (hitCount[key] ?? 0) + 1;
        }
      }
      const nonDuplicates = [];
      for (const key of Object.keys(hitCount)) {
        if (hitCount[key] === 1) {
          nonDuplicates.push(key);
        }
      }
      const properties = this.backgroundStepsEnabled() ? nonDuplicates : nonDuplicates.filter((property) => !backgroundStepOnlyProperties.has(property));
      this._context.error(mapping, `There's not enough info to determine what you meant. Add one of these properties: ${properties.sort().join(", ")}`);
    } else if (mappingDefinitions.length === 1 && !hasExpressionKey) {
      for (const propertyName of Object.keys(mappingDefinitions[0].properties)) {
        const propertyDef = mappingDefinitions[0].properties[propertyName];
        if (propertyDef.required && !upperKeys[propertyName.toUpperCase()]) {
          this._context.error(mapping, `Required property is missing: ${propertyName}`);
        }
      }
    }
    this.expectMappingEnd();
  }
  handleMappingWithAllLooseProperties(definition, keyDefinition, valueDefinition, mappingDefinition, mapping) {
    let nextValue;
    const upperKeys = {};
    let rawLiteral;
    while (rawLiteral = this._objectReader.allowLiteral()) {
      const nextKeyScalar = this.parseScalar(rawLiteral, definition);
      nextKeyScalar.definitionInfo = keyDefinition;
      if (nextKeyScalar.isExpression) {
        if (definition.allowedContext.length > 0) {
          nextValue = this.readValue(valueDefinition);
          mapping.add(nextKeyScalar, nextValue);
        } else {
          this._context.error(nextKeyScalar, "A template expression is not allowed in this context");
          this.skipValue();
        }
        continue;
      }
      const nextKey = nextKeyScalar.templateTokenType === TokenType2.String ? nextKeyScalar : new StringToken(nextKeyScalar.file, nextKeyScalar.range, nextKeyScalar.toString(), nextKeyScalar.definitionInfo);
      if (nextKey.value) {
        const upperKey = nextKey.value.toUpperCase();
        if (upperKeys[upperKey]) {
          this._context.error(nextKey, `'${nextKey.value}' is already defined`);
          this.skipValue();
          continue;
        }
        upperKeys[upperKey] = true;
      }
      this.validate(nextKey, keyDefinition);
      const nextDefinition = new DefinitionInfo(definition, mappingDefinition.looseValueType);
      nextKey.definitionInfo = nextDefinition;
      nextValue = this.readValue(valueDefinition);
      mapping.add(nextKey, nextValue);
    }
    this.expectMappingEnd();
  }
  expectMappingEnd() {
    if (!this._objectReader.allowMappingEnd()) {
      throw new Error("Expected mapping end");
    }
  }
  skipValue() {
    if (this._objectReader.allowLiteral()) {
    } else if (this._objectReader.allowSequenceStart()) {
      while (!this._objectReader.allowSequenceEnd()) {
        this.skipValue();
      }
    } else if (this._objectReader.allowMappingStart()) {
      while (!this._objectReader.allowMappingEnd()) {
        this.skipValue();
        this.skipValue();
      }
    } else {
      throw new Error("Expected a scalar value, a sequence, or a mapping");
    }
  }
  validate(scalar, definition) {
    switch (scalar.templateTokenType) {
      case TokenType2.Null:
      case TokenType2.Boolean:
      case TokenType2.Number:
      case TokenType2.String: {
        const literal2 = scalar;
        const scalarDefinitions = definition.getScalarDefinitions();
        let relevantDefinition;
        if (relevantDefinition = scalarDefinitions.find((x) => x.isMatch(literal2))) {
          scalar.definitionInfo = new DefinitionInfo(definition, relevantDefinition);
          return scalar;
        }
        if (literal2.templateTokenType !== TokenType2.String) {
          const stringLiteral2 = new StringToken(literal2.file, literal2.range, literal2.toString(), literal2.definitionInfo);
          if (relevantDefinition = scalarDefinitions.find((x) => x.isMatch(stringLiteral2))) {
            stringLiteral2.definitionInfo = new DefinitionInfo(definition, relevantDefinition);
            return stringLiteral2;
          }
        }
        this._context.error(literal2, `Unexpected value '${literal2.toString()}'`);
        return scalar;
      }
      case TokenType2.BasicExpression:
        if (definition.allowedContext.length === 0) {
          this._context.error(scalar, "A template expression is not allowed in this context");
        }
        return scalar;
      default:
        this._context.error(scalar, `Unexpected value '${scalar.toString()}'`);
        return scalar;
    }
  }
  parseScalar(token, definitionInfo) {
    if (!isString(token) || !token.value) {
      return token;
    }
    const allowedContext = definitionInfo.allowedContext;
    const isSingleLine = token.range === void 0 || token.range.start.line === token.range.end.line;
    const raw = isSingleLine ? token.value : token.source ?? token.value;
    let startExpression = raw.indexOf(OPEN_EXPRESSION);
    if (startExpression < 0) {
      return token;
    }
    let encounteredError = false;
    const segments = [];
    let i = 0;
    while (i < raw.length) {
      if (i === startExpression) {
        startExpression = i;
        let endExpression = -1;
        let inString = false;
        for (i += OPEN_EXPRESSION.length; i < raw.length; i++) {
          if (raw[i] === "'") {
            inString = !inString;
          } else if (!inString && raw[i] === "}" && raw[i - 1] === "}") {
            endExpression = i;
            i++;
            break;
          }
        }
        if (endExpression < startExpression) {
          this._context.error(token, "The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.");
          return token;
        }
        const rawExpression = raw.substr(startExpression + OPEN_EXPRESSION.length, endExpression - startExpression + 1 - OPEN_EXPRESSION.length - CLOSE_EXPRESSION.length);
        let tr = token.range;
        if (isSingleLine) {
          const offset = (token.source ?? raw).indexOf(OPEN_EXPRESSION) - raw.indexOf(OPEN_EXPRESSION);
          tr = {
            start: { line: tr.start.line, column: tr.start.column + startExpression + offset },
            end: { line: tr.end.line, column: tr.start.column + endExpression + 1 + offset }
          };
        } else {
          const startRaw = raw.substring(0, startExpression);
          const adjustedStartLine = startRaw.split("\n").length;
          const beginningOfLine = startRaw.lastIndexOf("\n");
          const adjustedStart = startExpression - beginningOfLine;
          const adjustedEnd = endExpression - beginningOfLine + 1;
          tr = {
            start: { line: tr.start.line + adjustedStartLine, column: adjustedStart },
            end: { line: tr.start.line + adjustedStartLine, column: adjustedEnd }
          };
        }
        const expression = this.parseIntoExpressionToken(tr, rawExpression, allowedContext, token, definitionInfo);
        if (!expression) {
          encounteredError = true;
        } else {
          if (expression.directive && (startExpression !== 0 || i < raw.length)) {
            this._context.error(token, `The directive '${expression.directive}' is not allowed in this context. Directives are not supported for expressions that are embedded within a string. Directives are only supported when the entire value is an expression.`);
            return token;
          }
          segments.push(expression);
        }
        startExpression = raw.indexOf(OPEN_EXPRESSION, i);
      } else if (i < startExpression) {
        this.addString(segments, token.range, raw.substr(i, startExpression - i), token.definitionInfo);
        i = startExpression;
      } else {
        this.addString(segments, token.range, raw.substr(i), token.definitionInfo);
        break;
      }
    }
    if (encounteredError) {
      return token;
    }
    if (segments.length === 1 && segments[0].templateTokenType === TokenType2.BasicExpression) {
      const basicExpression = segments[0];
      const str = this.getExpressionString(basicExpression.expression);
      if (str !== void 0) {
        return new StringToken(this._fileId, token.range, str, token.definitionInfo);
      }
    }
    if (segments.length === 1) {
      return segments[0];
    }
    const format2 = [];
    const args = [];
    const expressionTokens = [];
    let argIndex = 0;
    for (const segment of segments) {
      if (isString(segment)) {
        const text = segment.value.replace(/'/g, "''").replace(/\{/g, "{{").replace(/\}/g, "}}");
        format2.push(text);
      } else {
        format2.push(`{${argIndex}}`);
        argIndex++;
        const expression = segment;
        args.push(", ");
        args.push(expression.expression);
        expressionTokens.push(expression);
      }
    }
    return new BasicExpressionToken(this._fileId, token.range, `format('${format2.join("")}'${args.join("")})`, definitionInfo, expressionTokens, raw, void 0, token.blockScalarHeader);
  }
  parseIntoExpressionToken(tr, rawExpression, allowedContext, token, definitionInfo) {
    const parseExpressionResult = this.parseExpression(tr, token, rawExpression, allowedContext, definitionInfo);
    if (parseExpressionResult.error) {
      this._context.error(token, parseExpressionResult.error, tr);
      return void 0;
    }
    return parseExpressionResult.expression;
  }
  parseExpression(range, token, value, allowedContext, definitionInfo) {
    const trimmed = value.trim();
    if (!trimmed) {
      return {
        error: new Error("An expression was expected")
      };
    }
    const matchDirectiveResult = this.matchDirective(trimmed, INSERT_DIRECTIVE, 0);
    if (matchDirectiveResult.isMatch) {
      return {
        expression: new InsertExpressionToken(this._fileId, range, definitionInfo)
      };
    } else if (matchDirectiveResult.error) {
      return {
        error: matchDirectiveResult.error
      };
    }
    try {
      ExpressionToken.validateExpression(trimmed, allowedContext);
    } catch (err) {
      return {
        error: err
      };
    }
    const startTrim = value.length - value.trimStart().length;
    const endTrim = value.length - value.trimEnd().length;
    const expressionRange = {
      start: {
        ...range.start,
        column: range.start.column + OPEN_EXPRESSION.length + startTrim
      },
      end: {
        ...range.end,
        column: range.end.column - CLOSE_EXPRESSION.length - endTrim
      }
    };
    return {
      expression: new BasicExpressionToken(this._fileId, range, trimmed, definitionInfo, void 0, token.source, expressionRange, token.blockScalarHeader),
      error: void 0
    };
  }
  addString(segments, range, value, definition) {
    if (segments.length > 0 && segments[segments.length - 1].templateTokenType === TokenType2.String) {
      const lastSegment = segments[segments.length - 1];
      segments[segments.length - 1] = new StringToken(this._fileId, range, `${lastSegment.value}${value}`, definition);
    } else {
      segments.push(new StringToken(this._fileId, range, value, definition));
    }
  }
  matchDirective(trimmed, directive, expectedParameters) {
    const parameters = [];
    if (trimmed.startsWith(directive) && (trimmed.length === directive.length || WHITESPACE_PATTERN.test(trimmed[directive.length]))) {
      let startIndex = directive.length;
      let inString = false;
      let parens = 0;
      for (let i = startIndex; i < trimmed.length; i++) {
        const c = trimmed[i];
        if (WHITESPACE_PATTERN.test(c) && !inString && parens == 0) {
          if (startIndex < 1) {
            parameters.push(trimmed.substr(startIndex, i - startIndex));
          }
          startIndex = i + 1;
        } else if (c === "'") {
          inString = !inString;
        } else if (c === "(" && !inString) {
          parens++;
        } else if (c === ")" && !inString) {
          parens--;
        }
      }
      if (startIndex < trimmed.length) {
        parameters.push(trimmed.substr(startIndex));
      }
      if (expectedParameters != parameters.length) {
        return {
          isMatch: false,
          parameters: [],
          error: new Error(`Exactly ${expectedParameters} parameter(s) were expected following the directive '${directive}'. Actual parameter count: ${parameters.length}`)
        };
      }
      return {
        isMatch: true,
        parameters
      };
    }
    return {
      isMatch: false,
      parameters
    };
  }
  getExpressionString(trimmed) {
    const result = [];
    let inString = false;
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed[i];
      if (c === "'") {
        inString = !inString;
        if (inString && i !== 0) {
          result.push(c);
        }
      } else if (!inString) {
        return void 0;
      } else {
        result.push(c);
      }
    }
    return result.join("");
  }
  backgroundStepsEnabled() {
    return this._context.state.featureFlags?.isEnabled("allowBackgroundSteps") ?? false;
  }
};

// node_modules/@actions/workflow-parser/dist/templates/trace-writer.js
var NoOperationTraceWriter = class {
  error() {
  }
  info() {
  }
  verbose() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/definition.js
var Definition = class {
  constructor(key, definition) {
    this.readerContext = [];
    this.evaluatorContext = [];
    this.key = key;
    if (definition) {
      for (let i = 0; i < definition.count; ) {
        const definitionKey = definition.get(i).key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case CONTEXT: {
            const context = definition.get(i).value.assertSequence(`${DEFINITION} ${CONTEXT}`);
            definition.remove(i);
            const seenReaderContext = {};
            const seenEvaluatorContext = {};
            for (const item of context) {
              const itemStr = item.assertString(`${CONTEXT} item`).value;
              const upperItemStr = itemStr.toUpperCase();
              if (seenReaderContext[upperItemStr]) {
                throw new Error(`Duplicate context item '${itemStr}'`);
              }
              seenReaderContext[upperItemStr] = true;
              this.readerContext.push(itemStr);
              const paramIndex = itemStr.indexOf("(");
              const modifiedItemStr = paramIndex > 0 ? itemStr.substr(0, paramIndex + 1) + ")" : itemStr;
              const upperModifiedItemStr = modifiedItemStr.toUpperCase();
              if (seenEvaluatorContext[upperModifiedItemStr]) {
                throw new Error(`Duplicate context item '${modifiedItemStr}'`);
              }
              seenEvaluatorContext[upperModifiedItemStr] = true;
              this.evaluatorContext.push(modifiedItemStr);
            }
            break;
          }
          case DESCRIPTION: {
            const value = definition.get(i).value;
            this.description = value.assertString(DESCRIPTION).value;
            definition.remove(i);
            break;
          }
          default: {
            i++;
            break;
          }
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/scalar-definition.js
var ScalarDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/boolean-definition.js
var BooleanDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case BOOLEAN: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${BOOLEAN}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${BOOLEAN} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${BOOLEAN} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Boolean;
  }
  isMatch(literal2) {
    return literal2.templateTokenType === TokenType2.Boolean;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/property-definition.js
var PropertyDefinition = class {
  constructor(token) {
    this.type = "";
    this.required = false;
    if (token.templateTokenType === TokenType2.String) {
      this.type = token.value;
    } else {
      const mapping = token.assertMapping(MAPPING_PROPERTY_VALUE);
      for (const mappingPair of mapping) {
        const mappingKey = mappingPair.key.assertString(`${MAPPING_PROPERTY_VALUE} key`);
        switch (mappingKey.value) {
          case TYPE:
            this.type = mappingPair.value.assertString(`${MAPPING_PROPERTY_VALUE} ${TYPE}`).value;
            break;
          case REQUIRED:
            this.required = mappingPair.value.assertBoolean(`${MAPPING_PROPERTY_VALUE} ${REQUIRED}`).value;
            break;
          case DESCRIPTION:
            this.description = mappingPair.value.assertString(`${MAPPING_PROPERTY_VALUE} ${DESCRIPTION}`).value;
            break;
          default:
            mappingKey.assertUnexpectedValue(`${MAPPING_PROPERTY_VALUE} key`);
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/mapping-definition.js
var MappingDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.properties = {};
    this.looseKeyType = "";
    this.looseValueType = "";
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case MAPPING: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${MAPPING}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${MAPPING} key`);
              switch (mappingKey.value) {
                case PROPERTIES: {
                  const properties = mappingPair.value.assertMapping(`${DEFINITION} ${MAPPING} ${PROPERTIES}`);
                  for (const propertiesPair of properties) {
                    const propertyName = propertiesPair.key.assertString(`${DEFINITION} ${MAPPING} ${PROPERTIES} key`);
                    this.properties[propertyName.value] = new PropertyDefinition(propertiesPair.value);
                  }
                  break;
                }
                case LOOSE_KEY_TYPE: {
                  const looseKeyType = mappingPair.value.assertString(`${DEFINITION} ${MAPPING} ${LOOSE_KEY_TYPE}`);
                  this.looseKeyType = looseKeyType.value;
                  break;
                }
                case LOOSE_VALUE_TYPE: {
                  const looseValueType = mappingPair.value.assertString(`${DEFINITION} ${MAPPING} ${LOOSE_VALUE_TYPE}`);
                  this.looseValueType = looseValueType.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${MAPPING} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Mapping;
  }
  validate(schema3, name) {
    if (this.looseKeyType) {
      schema3.getDefinition(this.looseKeyType);
      if (this.looseValueType) {
        schema3.getDefinition(this.looseValueType);
      } else {
        throw new Error(`Property '${LOOSE_KEY_TYPE}' is defined but '${LOOSE_VALUE_TYPE}' is not defined on '${name}'`);
      }
    } else if (this.looseValueType) {
      throw new Error(`Property '${LOOSE_VALUE_TYPE}' is defined but '${LOOSE_KEY_TYPE}' is not defined on '${name}'`);
    }
    for (const propertyName of Object.keys(this.properties)) {
      const propertyDef = this.properties[propertyName];
      if (!propertyDef.type) {
        throw new Error(`Type not specified for the property '${propertyName}' on '${name}'`);
      }
      schema3.getDefinition(propertyDef.type);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/null-definition.js
var NullDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case NULL: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${NULL}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${NULL} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${NULL} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Null;
  }
  isMatch(literal2) {
    return literal2.templateTokenType === TokenType2.Null;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/number-definition.js
var NumberDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case NUMBER: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${NUMBER}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${NUMBER} key`);
              switch (mappingKey.value) {
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${NUMBER} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Number;
  }
  isMatch(literal2) {
    return literal2.templateTokenType === TokenType2.Number;
  }
  validate() {
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/one-of-definition.js
var OneOfDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.oneOf = [];
    this.oneOfPrefix = [];
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case ONE_OF: {
            const oneOf = definitionPair.value.assertSequence(`${DEFINITION} ${ONE_OF}`);
            for (const item of oneOf) {
              const oneOfItem = item.assertString(`${DEFINITION} ${ONE_OF} item`);
              this.oneOf.push(oneOfItem.value);
            }
            break;
          }
          case ALLOWED_VALUES: {
            const oneOf = definitionPair.value.assertSequence(`${DEFINITION} ${ALLOWED_VALUES}`);
            for (const item of oneOf) {
              const oneOfItem = item.assertString(`${DEFINITION} ${ONE_OF} item`);
              this.oneOf.push(this.key + "-" + oneOfItem.value);
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
            break;
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.OneOf;
  }
  validate(schema3, name) {
    if (this.oneOf.length === 0) {
      throw new Error(`'${name}' does not contain any references`);
    }
    let foundLooseKeyType = false;
    const mappingDefinitions = [];
    let allowedValuesDefinition;
    let sequenceDefinition;
    let nullDefinition;
    let booleanDefinition;
    let numberDefinition;
    const stringDefinitions = [];
    const seenNestedTypes = {};
    for (const nestedType of this.oneOf) {
      if (seenNestedTypes[nestedType]) {
        throw new Error(`'${name}' contains duplicate nested type '${nestedType}'`);
      }
      seenNestedTypes[nestedType] = true;
      const nestedDefinition = schema3.getDefinition(nestedType);
      if (nestedDefinition.readerContext.length > 0) {
        throw new Error(`'${name}' is a one-of definition and references another definition that defines context. This is currently not supported.`);
      }
      switch (nestedDefinition.definitionType) {
        case DefinitionType.Mapping: {
          const mappingDefinition = nestedDefinition;
          mappingDefinitions.push(mappingDefinition);
          if (mappingDefinition.looseKeyType) {
            foundLooseKeyType = true;
          }
          break;
        }
        case DefinitionType.Sequence: {
          if (sequenceDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${SEQUENCE}'`);
          }
          sequenceDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Null: {
          if (nullDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${NULL}'`);
          }
          nullDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Boolean: {
          if (booleanDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${BOOLEAN}'`);
          }
          booleanDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.Number: {
          if (numberDefinition) {
            throw new Error(`'${name}' refers to more than one definition of type '${NUMBER}'`);
          }
          numberDefinition = nestedDefinition;
          break;
        }
        case DefinitionType.String: {
          const stringDefinition = nestedDefinition;
          if (stringDefinitions.length > 0 && (!stringDefinitions[0].constant || !stringDefinition.constant)) {
            throw new Error(`'${name}' refers to more than one '${SCALAR}', but some do not set '${CONSTANT}'`);
          }
          stringDefinitions.push(stringDefinition);
          break;
        }
        case DefinitionType.OneOf: {
          if (allowedValuesDefinition) {
            throw new Error(`'${name}' contains multiple allowed-values definitions`);
          }
          allowedValuesDefinition = nestedDefinition;
          break;
        }
        default:
          throw new Error(`'${name}' refers to a definition with type '${nestedDefinition.definitionType}'`);
      }
    }
    if (mappingDefinitions.length > 1) {
      if (foundLooseKeyType) {
        throw new Error(`'${name}' refers to two mappings and at least one sets '${LOOSE_KEY_TYPE}'. This is not currently supported.`);
      }
      const seenProperties = {};
      for (const mappingDefinition of mappingDefinitions) {
        for (const propertyName of Object.keys(mappingDefinition.properties)) {
          const newPropertyDef = mappingDefinition.properties[propertyName];
          const existingPropertyDef = seenProperties[propertyName];
          if (existingPropertyDef) {
            if (existingPropertyDef.type === newPropertyDef.type) {
              continue;
            }
            throw new Error(`'${name}' contains two mappings with the same property, but each refers to a different type. All matching properties must refer to the same type.`);
          } else {
            seenProperties[propertyName] = newPropertyDef;
          }
        }
      }
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/sequence-definition.js
var SequenceDefinition = class extends Definition {
  constructor(key, definition) {
    super(key, definition);
    this.itemType = "";
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case SEQUENCE: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${SEQUENCE}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${SEQUENCE} key`);
              switch (mappingKey.value) {
                case ITEM_TYPE: {
                  const itemType = mappingPair.value.assertString(`${DEFINITION} ${SEQUENCE} ${ITEM_TYPE}`);
                  this.itemType = itemType.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${SEQUENCE} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.Sequence;
  }
  validate(schema3, name) {
    if (!this.itemType) {
      throw new Error(`'${name}' does not defined '${ITEM_TYPE}'`);
    }
    schema3.getDefinition(this.itemType);
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/string-definition.js
var StringDefinition = class extends ScalarDefinition {
  constructor(key, definition) {
    super(key, definition);
    this.constant = "";
    this.ignoreCase = false;
    this.requireNonEmpty = false;
    this.isExpression = false;
    if (definition) {
      for (const definitionPair of definition) {
        const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
        switch (definitionKey.value) {
          case STRING: {
            const mapping = definitionPair.value.assertMapping(`${DEFINITION} ${STRING}`);
            for (const mappingPair of mapping) {
              const mappingKey = mappingPair.key.assertString(`${DEFINITION} ${STRING} key`);
              switch (mappingKey.value) {
                case CONSTANT: {
                  const constantStringToken = mappingPair.value.assertString(`${DEFINITION} ${STRING} ${CONSTANT}`);
                  this.constant = constantStringToken.value;
                  break;
                }
                case IGNORE_CASE: {
                  const ignoreCaseBooleanToken = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${IGNORE_CASE}`);
                  this.ignoreCase = ignoreCaseBooleanToken.value;
                  break;
                }
                case REQUIRE_NON_EMPTY: {
                  const requireNonEmptyBooleanToken = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${REQUIRE_NON_EMPTY}`);
                  this.requireNonEmpty = requireNonEmptyBooleanToken.value;
                  break;
                }
                case IS_EXPRESSION: {
                  const isExpressionToken2 = mappingPair.value.assertBoolean(`${DEFINITION} ${STRING} ${IS_EXPRESSION}`);
                  this.isExpression = isExpressionToken2.value;
                  break;
                }
                default:
                  mappingKey.assertUnexpectedValue(`${DEFINITION} ${STRING} key`);
                  break;
              }
            }
            break;
          }
          default:
            definitionKey.assertUnexpectedValue(`${DEFINITION} key`);
        }
      }
    }
  }
  get definitionType() {
    return DefinitionType.String;
  }
  isMatch(literal2) {
    if (literal2.templateTokenType === TokenType2.String) {
      const value = literal2.value;
      if (this.constant) {
        return this.ignoreCase ? this.constant.toUpperCase() === value.toUpperCase() : this.constant === value;
      } else if (this.requireNonEmpty) {
        return !!value;
      } else {
        return true;
      }
    }
    return false;
  }
  validate() {
    if (this.constant && this.requireNonEmpty) {
      throw new Error(`Properties '${CONSTANT}' and '${REQUIRE_NON_EMPTY}' cannot both be set`);
    }
  }
};

// node_modules/@actions/workflow-parser/dist/templates/schema/template-schema.js
var TemplateSchema = class _TemplateSchema {
  constructor(mapping) {
    this.definitions = {};
    this.version = "";
    this.definitions[NULL] = new NullDefinition(NULL);
    this.definitions[BOOLEAN] = new BooleanDefinition(BOOLEAN);
    this.definitions[NUMBER] = new NumberDefinition(NUMBER);
    this.definitions[STRING] = new StringDefinition(STRING);
    const sequenceDefinition = new SequenceDefinition(SEQUENCE);
    sequenceDefinition.itemType = ANY;
    this.definitions[sequenceDefinition.key] = sequenceDefinition;
    const mappingDefinition = new MappingDefinition(MAPPING);
    mappingDefinition.looseKeyType = STRING;
    mappingDefinition.looseValueType = ANY;
    this.definitions[mappingDefinition.key] = mappingDefinition;
    const anyDefinition = new OneOfDefinition(ANY);
    anyDefinition.oneOf.push(NULL);
    anyDefinition.oneOf.push(BOOLEAN);
    anyDefinition.oneOf.push(NUMBER);
    anyDefinition.oneOf.push(STRING);
    anyDefinition.oneOf.push(SEQUENCE);
    anyDefinition.oneOf.push(MAPPING);
    this.definitions[anyDefinition.key] = anyDefinition;
    if (mapping) {
      for (const pair of mapping) {
        const key = pair.key.assertString(`${TEMPLATE_SCHEMA} key`);
        switch (key.value) {
          case VERSION: {
            this.version = pair.value.assertString(`${TEMPLATE_SCHEMA} ${VERSION}`).value;
            break;
          }
          case DEFINITIONS: {
            const definitions = pair.value.assertMapping(`${TEMPLATE_SCHEMA} ${DEFINITIONS}`);
            for (const definitionsPair of definitions) {
              const definitionsKey = definitionsPair.key.assertString(`${TEMPLATE_SCHEMA} ${DEFINITIONS} key`);
              const definitionsValue = definitionsPair.value.assertMapping(`${TEMPLATE_SCHEMA} ${DEFINITIONS} value`);
              let definition;
              for (const definitionPair of definitionsValue) {
                const definitionKey = definitionPair.key.assertString(`${DEFINITION} key`);
                const mappingToken = definitionsPair.value;
                switch (definitionKey.value) {
                  case NULL:
                    definition = new NullDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case BOOLEAN:
                    definition = new BooleanDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case NUMBER:
                    definition = new NumberDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case STRING:
                    definition = new StringDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case SEQUENCE:
                    definition = new SequenceDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case MAPPING:
                    definition = new MappingDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case ONE_OF:
                    definition = new OneOfDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case ALLOWED_VALUES:
                    for (const item of mappingToken) {
                      if (item.value.templateTokenType === TokenType2.Sequence) {
                        const sequenceToken = item.value;
                        for (const activity of sequenceToken) {
                          if (activity.templateTokenType === TokenType2.String) {
                            const stringToken = activity;
                            const allowedValuesKey = definitionsKey.value + "-" + stringToken.value;
                            const allowedValuesDef = new StringDefinition(allowedValuesKey);
                            allowedValuesDef.constant = stringToken.toDisplayString();
                            this.definitions[allowedValuesKey] = allowedValuesDef;
                          }
                        }
                      }
                    }
                    definition = new OneOfDefinition(definitionsKey.value, definitionsValue);
                    break;
                  case CONTEXT:
                  case DESCRIPTION:
                    continue;
                  default:
                    definitionKey.assertUnexpectedValue(`${DEFINITION} mapping key`);
                    break;
                }
                break;
              }
              if (!definition) {
                throw new Error(`Not enough information to construct definition '${definitionsKey.value}'`);
              }
              this.definitions[definitionsKey.value] = definition;
            }
            break;
          }
          default:
            key.assertUnexpectedValue(`${TEMPLATE_SCHEMA} key`);
            break;
        }
      }
    }
  }
  /**
   * Looks up a definition by name
   */
  getDefinition(name) {
    const result = this.definitions[name];
    if (result) {
      return result;
    }
    throw new Error(`Schema definition '${name}' not found`);
  }
  /**
   * Expands one-of definitions and returns all scalar definitions
   */
  getScalarDefinitions(definition) {
    const result = [];
    switch (definition.definitionType) {
      case DefinitionType.Null:
      case DefinitionType.Boolean:
      case DefinitionType.Number:
      case DefinitionType.String:
        result.push(definition);
        break;
      case DefinitionType.OneOf: {
        const oneOf = definition;
        for (const nestedName of oneOf.oneOf) {
          const nestedDefinition = this.getDefinition(nestedName);
          result.push(...this.getScalarDefinitions(nestedDefinition));
        }
        break;
      }
    }
    return result;
  }
  /**
   * Expands one-of definitions and returns all matching definitions by type
   */
  getDefinitionsOfType(definition, type) {
    const result = [];
    if (definition.definitionType === type) {
      result.push(definition);
    } else if (definition.definitionType === DefinitionType.OneOf) {
      const oneOf = definition;
      for (const nestedName of oneOf.oneOf) {
        const nestedDefinition = this.getDefinition(nestedName);
        if (nestedDefinition.definitionType === type) {
          result.push(nestedDefinition);
        }
      }
    }
    return result;
  }
  /**
   * Attempts match the property name to a property defined by any of the specified definitions.
   * If matched, any unmatching definitions are filtered from the definitions array.
   * Returns the type information for the matched property.
   */
  matchPropertyAndFilter(definitions, propertyName) {
    let result;
    let notFoundInSome = false;
    for (const definition of definitions) {
      const propertyDef = definition.properties[propertyName];
      if (propertyDef) {
        result = propertyDef;
      } else {
        notFoundInSome = true;
      }
    }
    if (result && notFoundInSome) {
      for (let i = 0; i < definitions.length; ) {
        if (definitions[i].properties[propertyName]) {
          i++;
        } else {
          definitions.splice(i, 1);
        }
      }
    }
    return result;
  }
  validate() {
    const oneOfDefinitions = {};
    for (const name of Object.keys(this.definitions)) {
      if (!name.match(_TemplateSchema._definitionNamePattern)) {
        throw new Error(`Invalid definition name '${name}'`);
      }
      const definition = this.definitions[name];
      if (definition.definitionType === DefinitionType.OneOf) {
        oneOfDefinitions[name] = definition;
      } else {
        definition.validate(this, name);
      }
    }
    for (const name of Object.keys(oneOfDefinitions)) {
      const oneOf = oneOfDefinitions[name];
      oneOf.validate(this, name);
    }
  }
  /**
   * Loads a user-defined schema file
   */
  static load(objectReader) {
    const context = new TemplateContext(new TemplateValidationErrors(10, 500), _TemplateSchema.getInternalSchema(), new NoOperationTraceWriter());
    const template = readTemplate(context, TEMPLATE_SCHEMA, objectReader, void 0);
    context.errors.check();
    const mapping = template.assertMapping(TEMPLATE_SCHEMA);
    const schema3 = new _TemplateSchema(mapping);
    schema3.validate();
    return schema3;
  }
  /**
   * Gets the internal schema used for reading user-defined schema files
   */
  static getInternalSchema() {
    if (_TemplateSchema._internalSchema === void 0) {
      const schema3 = new _TemplateSchema();
      let mappingDefinition = new MappingDefinition(TEMPLATE_SCHEMA);
      mappingDefinition.properties[VERSION] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[DEFINITIONS] = new PropertyDefinition(new StringToken(void 0, void 0, DEFINITIONS, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(DEFINITIONS);
      mappingDefinition.looseKeyType = NON_EMPTY_STRING;
      mappingDefinition.looseValueType = DEFINITION;
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      let oneOfDefinition = new OneOfDefinition(DEFINITION);
      oneOfDefinition.oneOf.push(NULL_DEFINITION);
      oneOfDefinition.oneOf.push(BOOLEAN_DEFINITION);
      oneOfDefinition.oneOf.push(NUMBER_DEFINITION);
      oneOfDefinition.oneOf.push(STRING_DEFINITION);
      oneOfDefinition.oneOf.push(SEQUENCE_DEFINITION);
      oneOfDefinition.oneOf.push(MAPPING_DEFINITION);
      oneOfDefinition.oneOf.push(ONE_OF_DEFINITION);
      schema3.definitions[oneOfDefinition.key] = oneOfDefinition;
      mappingDefinition = new MappingDefinition(NULL_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[NULL] = new PropertyDefinition(new StringToken(void 0, void 0, NULL_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NULL_DEFINITION_PROPERTIES);
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(BOOLEAN_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[BOOLEAN] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(BOOLEAN_DEFINITION_PROPERTIES);
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NUMBER_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[NUMBER] = new PropertyDefinition(new StringToken(void 0, void 0, NUMBER_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(NUMBER_DEFINITION_PROPERTIES);
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(STRING_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[STRING] = new PropertyDefinition(new StringToken(void 0, void 0, STRING_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(STRING_DEFINITION_PROPERTIES);
      mappingDefinition.properties[CONSTANT] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[IGNORE_CASE] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[REQUIRE_NON_EMPTY] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[IS_EXPRESSION] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(SEQUENCE_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[SEQUENCE] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(SEQUENCE_DEFINITION_PROPERTIES);
      mappingDefinition.properties[ITEM_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[MAPPING] = new PropertyDefinition(new StringToken(void 0, void 0, MAPPING_DEFINITION_PROPERTIES, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_DEFINITION_PROPERTIES);
      mappingDefinition.properties[PROPERTIES] = new PropertyDefinition(new StringToken(void 0, void 0, PROPERTIES, void 0));
      mappingDefinition.properties[LOOSE_KEY_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[LOOSE_VALUE_TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(PROPERTIES);
      mappingDefinition.looseKeyType = NON_EMPTY_STRING;
      mappingDefinition.looseValueType = PROPERTY_VALUE;
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      oneOfDefinition = new OneOfDefinition(PROPERTY_VALUE);
      oneOfDefinition.oneOf.push(NON_EMPTY_STRING);
      oneOfDefinition.oneOf.push(MAPPING_PROPERTY_VALUE);
      schema3.definitions[oneOfDefinition.key] = oneOfDefinition;
      mappingDefinition = new MappingDefinition(MAPPING_PROPERTY_VALUE);
      mappingDefinition.properties[TYPE] = new PropertyDefinition(new StringToken(void 0, void 0, NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[REQUIRED] = new PropertyDefinition(new StringToken(void 0, void 0, BOOLEAN, void 0));
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      mappingDefinition = new MappingDefinition(ONE_OF_DEFINITION);
      mappingDefinition.properties[DESCRIPTION] = new PropertyDefinition(new StringToken(void 0, void 0, STRING, void 0));
      mappingDefinition.properties[CONTEXT] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[ONE_OF] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      mappingDefinition.properties[ALLOWED_VALUES] = new PropertyDefinition(new StringToken(void 0, void 0, SEQUENCE_OF_NON_EMPTY_STRING, void 0));
      schema3.definitions[mappingDefinition.key] = mappingDefinition;
      const stringDefinition = new StringDefinition(NON_EMPTY_STRING);
      stringDefinition.requireNonEmpty = true;
      schema3.definitions[stringDefinition.key] = stringDefinition;
      const sequenceDefinition = new SequenceDefinition(SEQUENCE_OF_NON_EMPTY_STRING);
      sequenceDefinition.itemType = NON_EMPTY_STRING;
      schema3.definitions[sequenceDefinition.key] = sequenceDefinition;
      schema3.validate();
      _TemplateSchema._internalSchema = schema3;
    }
    return _TemplateSchema._internalSchema;
  }
};
TemplateSchema._definitionNamePattern = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

// node_modules/@actions/workflow-parser/dist/action-v1.0.min.json
var action_v1_0_min_default = { definitions: { "action-root": { description: "Action file", mapping: { properties: { name: "string", description: "string", inputs: "inputs", outputs: "outputs", runs: "runs" }, "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, "action-root-strict": { description: "GitHub Action manifest file (action.yml/action.yaml) that defines an action's metadata, inputs, outputs, and execution configuration.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions)", mapping: { properties: { name: { type: "non-empty-string", required: true, description: "The name of your action. GitHub displays the name in the Actions tab to help visually identify actions in each job.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#name)" }, description: { type: "string", required: true, description: "A short description of the action. GitHub displays this description in the Actions Marketplace.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#description)" }, author: { type: "string", description: "The name of the action's author.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#author)" }, inputs: "inputs-strict", outputs: "outputs", runs: { type: "runs-strict", required: true }, branding: "branding" } } }, inputs: { mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "input" } }, "inputs-strict": { description: "Input parameters allow you to specify data that the action expects to use during runtime. GitHub stores input parameters as environment variables. Inputs ids with uppercase letters are converted to lowercase during runtime.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputs)", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "input-strict" } }, input: { mapping: { properties: { default: "input-default-context" }, "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, "input-strict": { description: "An input parameter for this action.", mapping: { properties: { description: { type: "string", description: "A string description of the input parameter.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputsinput_iddescription)" }, required: { type: "boolean", description: "A boolean to indicate whether the action requires the input parameter. Set to true when the parameter is required.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputsinput_idrequired)" }, default: { type: "input-default-context", description: "A string representing the default value. The default value is used when an input parameter isn't specified in a workflow file.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputsinput_iddefault)" }, deprecationMessage: { type: "string", description: "A string shown to users using the deprecated input, warning them that the input is deprecated and mentioning any alternatives.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputsinput_iddeprecationmessage)" } }, "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, "input-default-context": { description: "A string representing the default value. The default value is used when an input parameter isn't specified in a workflow file.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#inputsinput_iddefault)", context: ["github", "strategy", "matrix", "job", "runner", "hashFiles(1,255)"], string: {} }, outputs: { description: "Output parameters allow you to declare data that an action sets. Actions that run later in a workflow can use the output data set in previously run actions.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#outputs-for-composite-actions)", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "output-definition" } }, "output-definition": { description: "An output parameter for this action.", mapping: { properties: { description: { type: "string", description: "A string description of the output parameter.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#outputsoutput_iddescription)" }, value: { type: "output-value", description: "The value that the output parameter will be mapped to. You can set this to a string or an expression with context.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#outputsoutput_idvalue)" } } } }, "output-value": { description: "The value that the output parameter will be mapped to. You can set this to a string or an expression with context.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#outputsoutput_idvalue)", context: ["github", "strategy", "matrix", "steps", "inputs", "job", "runner", "env"], string: {} }, "runs-if": { description: "Condition to control when this action's pre or post script runs.", context: ["runner", "github", "job", "strategy", "matrix", "env", "inputs", "always(0,0)", "success(0,0)", "failure(0,0)", "cancelled(0,0)", "hashFiles(1,255)"], string: {} }, runs: { "one-of": ["container-runs", "node-runs", "composite-runs", "plugin-runs"] }, "runs-strict": { description: "Specifies whether this is a JavaScript action, a composite action, or a Docker container action and how the action is executed.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runs)", "one-of": ["container-runs-strict", "node-runs-strict", "composite-runs-strict"] }, "plugin-runs": { mapping: { properties: { plugin: "non-empty-string" } } }, "container-runs": { mapping: { properties: { using: "non-empty-string", image: "non-empty-string", entrypoint: "non-empty-string", args: "container-runs-args", env: "container-runs-env", "pre-entrypoint": "non-empty-string", "pre-if": "non-empty-string", "post-entrypoint": "non-empty-string", "post-if": "non-empty-string" } } }, "container-runs-args": { description: "An array of strings that define the inputs for a Docker container. Inputs can include hardcoded strings. GitHub passes the args to the container's ENTRYPOINT when the container starts up.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsargs)", sequence: { "item-type": "container-runs-context" } }, "container-runs-env": { description: "Specifies a key/value map of environment variables to set in the container environment.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsenv)", context: ["inputs"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "container-runs-context": { context: ["inputs"], string: {} }, "node-runs": { mapping: { properties: { using: "non-empty-string", main: "non-empty-string", pre: "non-empty-string", "pre-if": "non-empty-string", post: "non-empty-string", "post-if": "non-empty-string" } } }, "composite-runs": { mapping: { properties: { using: "non-empty-string", steps: "composite-steps" } } }, "container-runs-strict": { description: "Configuration for Docker container actions.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runs)", mapping: { properties: { using: { type: "using", required: true, description: "The runtime used to execute the action. Must be docker for Docker container actions.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsusing)" }, image: { type: "non-empty-string", required: true, description: "The Docker image to use as the container to run the action. The value can be the Docker base image name, a local Dockerfile in your repository, or a public image in Docker Hub or another registry.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsimage)" }, entrypoint: { type: "non-empty-string", description: "Overrides the Docker ENTRYPOINT in the Dockerfile, or sets it if one wasn't already specified.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsentrypoint)" }, args: "container-runs-args", env: "container-runs-env", "pre-entrypoint": { type: "non-empty-string", description: "Allows you to run a script before the entrypoint action begins.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspre-entrypoint)" }, "pre-if": { type: "runs-if", description: "Allows you to define conditions for the pre: action execution. The pre: action will only run if the conditions in pre-if are met. If not set, then pre-if defaults to always().\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspre-if)" }, "post-entrypoint": { type: "non-empty-string", description: "Allows you to run a cleanup script once the runs.entrypoint action has completed.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspost-entrypoint)" }, "post-if": { type: "runs-if", description: "Allows you to define conditions for the post: action execution. The post: action will only run if the conditions in post-if are met. If not set, then post-if defaults to always().\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspost-if)" } } } }, "node-runs-strict": { description: "Configuration for JavaScript actions executed with Node.js.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runs)", mapping: { properties: { using: { type: "using", required: true, description: "The runtime used to execute the action. Use node20 or node24 for JavaScript actions.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsusing)" }, main: { type: "non-empty-string", required: true, description: "The file that contains your action code. The runtime specified in using executes this file.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsmain)" }, pre: { type: "non-empty-string", description: "Allows you to run a script at the start of a job, before the main: action begins. You can use pre: to run prerequisite setup scripts.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspre)" }, "pre-if": { type: "runs-if", description: "Allows you to define conditions for the pre: action execution. The pre: action will only run if the conditions in pre-if are met. If not set, then pre-if defaults to always().\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspre-if)" }, post: { type: "non-empty-string", description: "Allows you to run a script at the end of a job, once the main: action has completed. You can use post: to run cleanup scripts.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspost)" }, "post-if": { type: "runs-if", description: "Allows you to define conditions for the post: action execution. The post: action will only run if the conditions in post-if are met. If not set, then post-if defaults to always().\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runspost-if)" } } } }, "composite-runs-strict": { description: "Configuration for composite actions that run multiple steps.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runs)", mapping: { properties: { using: { type: "using", required: true, description: "The runtime used to execute the action. Must be composite for composite actions.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsusing)" }, steps: { type: "composite-steps", required: true } } } }, "composite-steps": { description: "The steps that you plan to run in this action. These can be either run steps or uses steps.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runssteps)", sequence: { "item-type": "composite-step" } }, "composite-step": { description: "A step within a composite action.", "one-of": ["run-step", "uses-step"] }, "run-step": { description: "Runs a command-line program using the operating system's shell.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsrun)", mapping: { properties: { name: { type: "string-steps-context", description: "A name for your step to display on GitHub.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsname)" }, id: { type: "non-empty-string", description: "A unique identifier for the step. You can use the id to reference the step in contexts.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsid)" }, if: { type: "step-if", description: "You can use the if conditional to prevent a step from running unless a condition is met. You can use any supported context and expression to create a conditional.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsif)" }, run: { type: "string-steps-context", required: true, description: "The command you want to run. This can be inline or a script in your action repository.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsrun)" }, shell: { type: "string-steps-context", required: true, description: "The shell where you want to run the command. Any shell supported by the runner can be used. Required if run is set.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsshell)" }, env: "step-env", "continue-on-error": { type: "boolean-steps-context", description: "Prevents the action from failing when a step fails. Set to true to allow the action to pass when this step fails.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepscontinue-on-error)" }, "working-directory": { type: "string-steps-context", description: "Specifies the working directory where the command is run.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsworking-directory)" } } } }, "uses-step": { description: "Runs another action as part of a step in your action.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsuses)", mapping: { properties: { name: { type: "string-steps-context", description: "A name for your step to display on GitHub.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsname)" }, id: { type: "non-empty-string", description: "A unique identifier for the step. You can use the id to reference the step in contexts.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsid)" }, if: { type: "step-if", description: "You can use the if conditional to prevent a step from running unless a condition is met. You can use any supported context and expression to create a conditional.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsif)" }, uses: { type: "non-empty-string", required: true, description: "Selects an action to run as part of a step in your action. An action is a reusable unit of code.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsuses)" }, with: "step-with", env: "step-env", "continue-on-error": { type: "boolean-steps-context", description: "Prevents the action from failing when a step fails. Set to true to allow the action to pass when this step fails.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepscontinue-on-error)" } } } }, "string-steps-context": { context: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env", "hashFiles(1,255)"], string: {} }, "boolean-steps-context": { context: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env", "hashFiles(1,255)"], boolean: {} }, "step-env": { description: "Sets variables for steps to use in the runner environment. You can also set variables for the entire action.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsenv)", context: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "step-if": { description: "You can use the if conditional to prevent a step from running unless a condition is met. You can use any supported context and expression to create a conditional.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepsif)", context: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)"], string: {} }, "step-with": { description: "A map of the input parameters defined by the action. Each input parameter is a key/value pair.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#runsstepswith)", context: ["github", "inputs", "strategy", "matrix", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, branding: { description: "You can use a color and Feather icon to create a badge to personalize and distinguish your action in GitHub Marketplace.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#branding)", mapping: { properties: { icon: { type: "branding-icon", description: "The name of the v4.28.0 Feather icon to use.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#brandingicon)" }, color: { type: "branding-color", description: "The background color of the badge.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#brandingcolor)" } } } }, "branding-icon": { description: "The name of the v4.28.0 Feather icon to use. Brand icons are omitted as well as: coffee, columns, divide-circle, divide-square, divide, frown, hexagon, key, meh, mouse-pointer, smile, tool, x-octagon.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#brandingicon)", "allowed-values": ["activity", "airplay", "alert-circle", "alert-octagon", "alert-triangle", "align-center", "align-justify", "align-left", "align-right", "anchor", "aperture", "archive", "arrow-down-circle", "arrow-down-left", "arrow-down-right", "arrow-down", "arrow-left-circle", "arrow-left", "arrow-right-circle", "arrow-right", "arrow-up-circle", "arrow-up-left", "arrow-up-right", "arrow-up", "at-sign", "award", "bar-chart-2", "bar-chart", "battery-charging", "battery", "bell-off", "bell", "bluetooth", "bold", "book-open", "book", "bookmark", "box", "briefcase", "calendar", "camera-off", "camera", "cast", "check-circle", "check-square", "check", "chevron-down", "chevron-left", "chevron-right", "chevron-up", "chevrons-down", "chevrons-left", "chevrons-right", "chevrons-up", "circle", "clipboard", "clock", "cloud-drizzle", "cloud-lightning", "cloud-off", "cloud-rain", "cloud-snow", "cloud", "code", "command", "compass", "copy", "corner-down-left", "corner-down-right", "corner-left-down", "corner-left-up", "corner-right-down", "corner-right-up", "corner-up-left", "corner-up-right", "cpu", "credit-card", "crop", "crosshair", "database", "delete", "disc", "dollar-sign", "download-cloud", "download", "droplet", "edit-2", "edit-3", "edit", "external-link", "eye-off", "eye", "fast-forward", "feather", "file-minus", "file-plus", "file-text", "file", "film", "filter", "flag", "folder-minus", "folder-plus", "folder", "gift", "git-branch", "git-commit", "git-merge", "git-pull-request", "globe", "grid", "hard-drive", "hash", "headphones", "heart", "help-circle", "home", "image", "inbox", "info", "italic", "layers", "layout", "life-buoy", "link-2", "link", "list", "loader", "lock", "log-in", "log-out", "mail", "map-pin", "map", "maximize-2", "maximize", "menu", "message-circle", "message-square", "mic-off", "mic", "minimize-2", "minimize", "minus-circle", "minus-square", "minus", "monitor", "moon", "more-horizontal", "more-vertical", "move", "music", "navigation-2", "navigation", "octagon", "package", "paperclip", "pause-circle", "pause", "percent", "phone-call", "phone-forwarded", "phone-incoming", "phone-missed", "phone-off", "phone-outgoing", "phone", "pie-chart", "play-circle", "play", "plus-circle", "plus-square", "plus", "pocket", "power", "printer", "radio", "refresh-ccw", "refresh-cw", "repeat", "rewind", "rotate-ccw", "rotate-cw", "rss", "save", "scissors", "search", "send", "server", "settings", "share-2", "share", "shield-off", "shield", "shopping-bag", "shopping-cart", "shuffle", "sidebar", "skip-back", "skip-forward", "slash", "sliders", "smartphone", "speaker", "square", "star", "stop-circle", "sun", "sunrise", "sunset", "tablet", "tag", "target", "terminal", "thermometer", "thumbs-down", "thumbs-up", "toggle-left", "toggle-right", "trash-2", "trash", "trending-down", "trending-up", "triangle", "truck", "tv", "type", "umbrella", "underline", "unlock", "upload-cloud", "upload", "user-check", "user-minus", "user-plus", "user-x", "user", "users", "video-off", "video", "voicemail", "volume-1", "volume-2", "volume-x", "volume", "watch", "wifi-off", "wifi", "wind", "x-circle", "x-square", "x", "zap-off", "zap", "zoom-in", "zoom-out"] }, "branding-color": { description: "The background color of the badge.\n\n[Documentation](https://docs.github.com/actions/creating-actions/metadata-syntax-for-github-actions#brandingcolor)", "allowed-values": ["white", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"] }, using: { description: "The runtime used to execute the action.", "allowed-values": ["docker", "node12", "node16", "node20", "node24", "composite"] }, "non-empty-string": { string: { "require-non-empty": true } } } };

// node_modules/@actions/workflow-parser/dist/actions/action-schema.js
var schema;
function getActionSchema() {
  if (schema === void 0) {
    const json = JSON.stringify(action_v1_0_min_default);
    schema = TemplateSchema.load(new JSONObjectReader(void 0, json));
  }
  return schema;
}

// node_modules/@actions/workflow-parser/dist/workflows/workflow-constants.js
var WORKFLOW_ROOT = "workflow-root-strict";

// node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json
var workflow_v1_0_min_default = { version: "workflow-v1.0", definitions: { "workflow-root": { description: "A workflow file.", mapping: { properties: { on: "on", name: "workflow-name", description: "workflow-description", "run-name": "run-name", defaults: "workflow-defaults", env: "workflow-env", permissions: "permissions", concurrency: "workflow-concurrency", jobs: { type: "jobs", required: true } } } }, "workflow-root-strict": { description: "Workflow file with strict validation", mapping: { properties: { on: { type: "on-strict", required: true }, name: "workflow-name", description: "workflow-description", "run-name": "run-name", defaults: "workflow-defaults", env: "workflow-env", permissions: "permissions", concurrency: "workflow-concurrency", jobs: { type: "jobs", required: true } } } }, "workflow-name": { description: "The name of the workflow that GitHub displays on your repository's 'Actions' tab.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#name)", string: {} }, "workflow-description": { description: "A description for your workflow or reusable workflow", string: {} }, "run-name": { context: ["github", "inputs", "vars"], string: {}, description: "The name for workflow runs generated from the workflow. GitHub displays the workflow run name in the list of workflow runs on your repository's 'Actions' tab.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#run-name)" }, on: { description: "The GitHub event that triggers the workflow. Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", "one-of": ["string", "sequence", "on-mapping"] }, "on-mapping": { mapping: { properties: { workflow_call: "workflow-call" }, "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, "on-strict": { description: "The GitHub event that triggers the workflow.  Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", "one-of": ["on-string-strict", "on-sequence-strict", "on-mapping-strict"] }, "on-mapping-strict": { description: "The GitHub event that triggers the workflow.  Events can be a single string, array of events, array of event types, or an event configuration map that schedules a workflow or restricts the execution of a workflow to specific files, tags, or branch changes. View a full list of [events that trigger workflows](https://docs.github.com/actions/using-workflows/events-that-trigger-workflows).\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#on)", mapping: { properties: { branch_protection_rule: "branch-protection-rule", check_run: "check-run", check_suite: "check-suite", create: "create", delete: "delete", deployment: "deployment", deployment_status: "deployment-status", discussion: "discussion", discussion_comment: "discussion-comment", fork: "fork", gollum: "gollum", image_version: "image-version", issue_comment: "issue-comment", issues: "issues", label: "label", merge_group: "merge-group", milestone: "milestone", page_build: "page-build", project: "project", project_card: "project-card", project_column: "project-column", public: "public", pull_request: "pull-request", pull_request_comment: "pull-request-comment", pull_request_review: "pull-request-review", pull_request_review_comment: "pull-request-review-comment", pull_request_target: "pull-request-target", push: "push", registry_package: "registry-package", release: "release", repository_dispatch: "repository-dispatch", schedule: "schedule", status: "status", watch: "watch", workflow_call: "workflow-call", workflow_dispatch: "workflow-dispatch", workflow_run: "workflow-run" } } }, "on-string-strict": { "one-of": ["branch-protection-rule-string", "check-run-string", "check-suite-string", "create-string", "delete-string", "deployment-string", "deployment-status-string", "discussion-string", "discussion-comment-string", "fork-string", "gollum-string", "image-version-string", "issue-comment-string", "issues-string", "label-string", "merge-group-string", "milestone-string", "page-build-string", "project-string", "project-card-string", "project-column-string", "public-string", "pull-request-string", "pull-request-comment-string", "pull-request-review-string", "pull-request-review-comment-string", "pull-request-target-string", "push-string", "registry-package-string", "release-string", "repository-dispatch-string", "schedule-string", "status-string", "watch-string", "workflow-call-string", "workflow-dispatch-string", "workflow-run-string"] }, "on-sequence-strict": { sequence: { "item-type": "on-string-strict" } }, "branch-protection-rule-string": { description: "Runs your workflow when branch protection rules in the workflow repository are changed.", string: { constant: "branch_protection_rule" } }, "branch-protection-rule": { description: "Runs your workflow when branch protection rules in the workflow repository are changed.", "one-of": ["null", "branch-protection-rule-mapping"] }, "branch-protection-rule-mapping": { mapping: { properties: { types: "branch-protection-rule-activity" } } }, "branch-protection-rule-activity": { description: "The types of branch protection rule activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["branch-protection-rule-activity-type", "branch-protection-rule-activity-types"] }, "branch-protection-rule-activity-types": { sequence: { "item-type": "branch-protection-rule-activity-type" } }, "branch-protection-rule-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "check-run-string": { description: "Runs your workflow when activity related to a check run occurs. A check run is an individual test that is part of a check suite.", string: { constant: "check_run" } }, "check-run": { description: "Runs your workflow when activity related to a check run occurs. A check run is an individual test that is part of a check suite.", "one-of": ["null", "check-run-mapping"] }, "check-run-mapping": { mapping: { properties: { types: "check-run-activity" } } }, "check-run-activity": { description: "The types of check run activity that trigger the workflow. Supported activity types: `created`, `rerequested`, `completed`, `requested_action`.", "one-of": ["check-run-activity-type", "check-run-activity-types"] }, "check-run-activity-types": { sequence: { "item-type": "check-run-activity-type" } }, "check-run-activity-type": { "allowed-values": ["completed", "created", "rerequested", "requested_action"] }, "check-suite-string": { description: "Runs your workflow when check suite activity occurs. A check suite is a collection of the check runs created for a specific commit. Check suites summarize the status and conclusion of the check runs that are in the suite.", string: { constant: "check_suite" } }, "check-suite": { description: "Runs your workflow when check suite activity occurs. A check suite is a collection of the check runs created for a specific commit. Check suites summarize the status and conclusion of the check runs that are in the suite.", "one-of": ["null", "check-suite-mapping"] }, "check-suite-mapping": { mapping: { properties: { types: "check-suite-activity" } } }, "check-suite-activity": { description: "The types of check suite activity that trigger the workflow. Supported activity types: `completed`.", "one-of": ["check-suite-activity-type", "check-suite-activity-types"] }, "check-suite-activity-types": { sequence: { "item-type": "check-suite-activity-type" } }, "check-suite-activity-type": { "allowed-values": ["completed"] }, "create-string": { description: "Runs your workflow when someone creates a Git reference (Git branch or tag) in the workflow's repository.", string: { constant: "create" } }, create: { description: "Runs your workflow when someone creates a Git reference (Git branch or tag) in the workflow's repository.", null: {} }, "delete-string": { description: "Runs your workflow when someone deletes a Git reference (Git branch or tag) in the workflow's repository.", string: { constant: "delete" } }, delete: { description: "Runs your workflow when someone deletes a Git reference (Git branch or tag) in the workflow's repository.", null: {} }, "deployment-string": { description: "Runs your workflow when someone creates a deployment in the workflow's repository. Deployments created with a commit SHA may not have a Git ref.", string: { constant: "deployment" } }, deployment: { description: "Runs your workflow when someone creates a deployment in the workflow's repository. Deployments created with a commit SHA may not have a Git ref.", null: {} }, "deployment-status-string": { description: "Runs your workflow when a third party provides a deployment status. Deployments created with a commit SHA may not have a Git ref.", string: { constant: "deployment_status" } }, "deployment-status": { description: "Runs your workflow when a third party provides a deployment status. Deployments created with a commit SHA may not have a Git ref.", null: {} }, "discussion-string": { description: "Runs your workflow when a discussion in the workflow's repository is created or modified. For activity related to comments on a discussion, use the `discussion_comment` event.", string: { constant: "discussion" } }, discussion: { description: "Runs your workflow when a discussion in the workflow's repository is created or modified. For activity related to comments on a discussion, use the `discussion_comment` event.", "one-of": ["null", "discussion-mapping"] }, "discussion-mapping": { mapping: { properties: { types: "discussion-activity" } } }, "discussion-activity": { description: "The types of discussion activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`, `transferred`, `pinned`, `unpinned`, `labeled`, `unlabeled`, `locked`, `unlocked`, `category_changed`, `answered`, `unanswered`.", "one-of": ["discussion-activity-type", "discussion-activity-types"] }, "discussion-activity-types": { sequence: { "item-type": "discussion-activity-type" } }, "discussion-activity-type": { "allowed-values": ["created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled", "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered"] }, "discussion-comment-string": { description: "Runs your workflow when a comment on a discussion in the workflow's repository is created or modified. For activity related to a discussion as opposed to comments on the discussion, use the `discussion` event.", string: { constant: "discussion_comment" } }, "discussion-comment": { description: "Runs your workflow when a comment on a discussion in the workflow's repository is created or modified. For activity related to a discussion as opposed to comments on the discussion, use the `discussion` event.", "one-of": ["null", "discussion-comment-mapping"] }, "discussion-comment-mapping": { mapping: { properties: { types: "discussion-comment-activity" } } }, "discussion-comment-activity": { description: "The types of discussion comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["discussion-comment-activity-type", "discussion-comment-activity-types"] }, "discussion-comment-activity-types": { sequence: { "item-type": "discussion-comment-activity-type" } }, "discussion-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "fork-string": { description: "Runs your workflow when someone forks a repository.", string: { constant: "fork" } }, fork: { description: "Runs your workflow when someone forks a repository.", null: {} }, "gollum-string": { description: "Runs your workflow when someone creates or updates a Wiki page.", string: { constant: "gollum" } }, gollum: { description: "Runs your workflow when someone creates or updates a Wiki page.", null: {} }, "image-version-string": { description: "Runs your workflow when an image version is created or changes state.", string: { constant: "image_version" } }, "image-version": { description: "Runs your workflow when an image version is created or changes state.", "one-of": ["null", "image-version-mapping"] }, "image-version-mapping": { mapping: { properties: { types: "image-version-activity", names: "event-names", versions: "event-versions" } } }, "image-version-activity": { description: "The types of image version activity that trigger the workflow. Supported activity types: `created`, `ready`, `deleted`.", "one-of": ["image-version-activity-type", "image-version-activity-types"] }, "image-version-activity-types": { sequence: { "item-type": "image-version-activity-type" } }, "image-version-activity-type": { "allowed-values": ["created", "ready", "deleted"] }, "issue-comment-string": { description: "Runs your workflow when an issue or pull request comment is created, edited, or deleted.", string: { constant: "issue_comment" } }, "issue-comment": { description: "Runs your workflow when an issue or pull request comment is created, edited, or deleted.", "one-of": ["null", "issue-comment-mapping"] }, "issue-comment-mapping": { mapping: { properties: { types: "issue-comment-activity" } } }, "issue-comment-activity": { description: "The types of issue comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["issue-comment-activity-type", "issue-comment-activity-types"] }, "issue-comment-activity-types": { sequence: { "item-type": "issue-comment-activity-type" } }, "issue-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "issues-string": { description: "Runs your workflow when an issue in the workflow's repository is created or modified. For activity related to comments in an issue, use the `issue_comment` event.", string: { constant: "issues" } }, issues: { description: "Runs your workflow when an issue in the workflow's repository is created or modified. For activity related to comments in an issue, use the `issue_comment` event.", "one-of": ["null", "issues-mapping"] }, "issues-mapping": { mapping: { properties: { types: "issues-activity" } } }, "issues-activity": { description: "The types of issue activity that trigger the workflow. Supported activity types: `opened`, `edited`, `deleted`, `transferred`, `pinned`, `unpinned`, `closed`, `reopened`, `assigned`, `unassigned`, `labeled`, `unlabeled`, `locked`, `unlocked`, `milestoned`, `demilestoned`, `field_added`, `field_removed`, `typed`, `untyped`.", "one-of": ["issues-activity-type", "issues-activity-types"] }, "issues-activity-types": { sequence: { "item-type": "issues-activity-type" } }, "issues-activity-type": { "allowed-values": ["opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed", "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned", "demilestoned", "field_added", "field_removed", "typed", "untyped"] }, "label-string": { description: "Runs your workflow when a label in your workflow's repository is created or modified.", string: { constant: "label" } }, label: { description: "Runs your workflow when a label in your workflow's repository is created or modified.", "one-of": ["null", "label-mapping"] }, "label-mapping": { mapping: { properties: { types: "label-activity" } } }, "label-activity": { description: "The types of label activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["label-activity-type", "label-activity-types"] }, "label-activity-types": { sequence: { "item-type": "label-activity-type" } }, "label-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "merge-group-string": { description: "Runs your workflow when a pull request is added to a merge queue, which adds the pull request to a merge group.", string: { constant: "merge_group" } }, "merge-group": { description: "Runs your workflow when a pull request is added to a merge queue, which adds the pull request to a merge group.", "one-of": ["null", "merge-group-mapping"] }, "merge-group-mapping": { mapping: { properties: { types: "merge-group-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore" } } }, "merge-group-activity": { description: "The types of merge group activity that trigger the workflow. Supported activity types: `checks_requested`.", "one-of": ["merge-group-activity-type", "merge-group-activity-types"] }, "merge-group-activity-types": { sequence: { "item-type": "merge-group-activity-type" } }, "merge-group-activity-type": { "allowed-values": ["checks_requested"] }, "milestone-string": { description: "Runs your workflow when a milestone in the workflow's repository is created or modified.", string: { constant: "milestone" } }, milestone: { description: "Runs your workflow when a milestone in the workflow's repository is created or modified.", "one-of": ["null", "milestone-mapping"] }, "milestone-mapping": { mapping: { properties: { types: "milestone-activity" } } }, "milestone-activity": { description: "The types of milestone activity that trigger the workflow. Supported activity types: `created`, `closed`, `opened`, `edited`, `deleted`.", "one-of": ["milestone-activity-type", "milestone-activity-types"] }, "milestone-activity-types": { sequence: { "item-type": "milestone-activity-type" } }, "milestone-activity-type": { "allowed-values": ["created", "closed", "opened", "edited", "deleted"] }, "page-build-string": { description: "Runs your workflow when someone pushes to a branch that is the publishing source for GitHub Pages, if GitHub Pages is enabled for the repository.", string: { constant: "page_build" } }, "page-build": { description: "Runs your workflow when someone pushes to a branch that is the publishing source for GitHub Pages, if GitHub Pages is enabled for the repository.", null: {} }, "project-string": { description: "Runs your workflow when a project board is created or modified. For activity related to cards or columns in a project board, use the `project_card` or `project_column` events instead.", string: { constant: "project" } }, project: { description: "Runs your workflow when a project board is created or modified. For activity related to cards or columns in a project board, use the `project_card` or `project_column` events instead.", "one-of": ["null", "project-mapping"] }, "project-mapping": { mapping: { properties: { types: "project-activity" } } }, "project-activity": { description: "The types of project activity that trigger the workflow. Supported activity types: `created`, `closed`, `reopened`, `edited`, `deleted`.", "one-of": ["project-activity-type", "project-activity-types"] }, "project-activity-types": { sequence: { "item-type": "project-activity-type" } }, "project-activity-type": { "allowed-values": ["created", "closed", "reopened", "edited", "deleted"] }, "project-card-string": { description: "Runs your workflow when a card on a project board is created or modified. For activity related to project boards or columns in a project board, use the `project` or `project_column` event instead.", string: { constant: "project_card" } }, "project-card": { description: "Runs your workflow when a card on a project board is created or modified. For activity related to project boards or columns in a project board, use the `project` or `project_column` event instead.", "one-of": ["null", "project-card-mapping"] }, "project-card-mapping": { mapping: { properties: { types: "project-card-activity" } } }, "project-card-activity": { description: "The types of project card activity that trigger the workflow. Supported activity types: `created`, `moved`, `converted`, `edited`, `deleted`.", "one-of": ["project-card-activity-type", "project-card-activity-types"] }, "project-card-activity-types": { sequence: { "item-type": "project-card-activity-type" } }, "project-card-activity-type": { "allowed-values": ["created", "moved", "converted", "edited", "deleted"] }, "project-column-string": { description: "Runs your workflow when a column on a project board is created or modified. For activity related to project boards or cards in a project board, use the `project` or `project_card` event instead.", string: { constant: "project_column" } }, "project-column": { description: "Runs your workflow when a column on a project board is created or modified. For activity related to project boards or cards in a project board, use the `project` or `project_card` event instead.", "one-of": ["null", "project-column-mapping"] }, "project-column-mapping": { mapping: { properties: { types: "project-column-activity" } } }, "project-column-activity": { description: "The types of project column activity that trigger the workflow. Supported activity types: `created`, `updated`, `moved`, `deleted`.", "one-of": ["project-column-activity-type", "project-column-activity-types"] }, "project-column-activity-types": { sequence: { "item-type": "project-column-activity-type" } }, "project-column-activity-type": { "allowed-values": ["created", "updated", "moved", "deleted"] }, "public-string": { description: "Runs your workflow when your workflow's repository changes from private to public.", string: { constant: "public" } }, public: { description: "Runs your workflow when your workflow's repository changes from private to public.", null: {} }, "pull-request-string": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.", string: { constant: "pull_request" } }, "pull-request": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.", "one-of": ["null", "pull-request-mapping"] }, "pull-request-mapping": { mapping: { properties: { types: "pull-request-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "pull-request-activity": { description: "The types of pull request activity that trigger the workflow. Supported activity types: `assigned`, `unassigned`, `labeled`, `unlabeled`, `opened`, `edited`, `closed`, `reopened`, `synchronize`, `converted_to_draft`, `locked`, `unlocked`, `enqueued`, `dequeued`, `milestoned`, `demilestoned`, `ready_for_review`, `review_requested`, `review_request_removed`, `auto_merge_enabled`, `auto_merge_disabled`, `stacked`.", "one-of": ["pull-request-activity-type", "pull-request-activity-types"] }, "pull-request-activity-types": { sequence: { "item-type": "pull-request-activity-type" } }, "pull-request-activity-type": { "allowed-values": ["assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"] }, "pull-request-comment-string": { description: "Please use the `issue_comment` event instead.", string: { constant: "pull_request_comment" } }, "pull-request-comment": { description: "Please use the `issue_comment` event instead.", "one-of": ["null", "issue-comment-mapping"] }, "pull-request-review-string": { description: "Runs your workflow when a pull request review is submitted, edited, or dismissed. A pull request review is a group of pull request review comments in addition to a body comment and a state. For activity related to pull request review comments or pull request comments, use the `pull_request_review_comment` or `issue_comment` events instead.", string: { constant: "pull_request_review" } }, "pull-request-review": { description: "Runs your workflow when a pull request review is submitted, edited, or dismissed. A pull request review is a group of pull request review comments in addition to a body comment and a state. For activity related to pull request review comments or pull request comments, use the `pull_request_review_comment` or `issue_comment` events instead.", "one-of": ["null", "pull-request-review-mapping"] }, "pull-request-review-mapping": { mapping: { properties: { types: "pull-request-review-activity" } } }, "pull-request-review-activity": { description: "The types of pull request review activity that trigger the workflow. Supported activity types: `submitted`, `edited`, `dismissed`.", "one-of": ["pull-request-review-activity-type", "pull-request-review-activity-types"] }, "pull-request-review-activity-types": { sequence: { "item-type": "pull-request-review-activity-type" } }, "pull-request-review-activity-type": { "allowed-values": ["submitted", "edited", "dismissed"] }, "pull-request-review-comment-string": { description: "", string: { constant: "pull_request_review_comment" } }, "pull-request-review-comment": { description: "", "one-of": ["null", "pull-request-review-comment-mapping"] }, "pull-request-review-comment-mapping": { mapping: { properties: { types: "pull-request-review-comment-activity" } } }, "pull-request-review-comment-activity": { description: "The types of pull request review comment activity that trigger the workflow. Supported activity types: `created`, `edited`, `deleted`.", "one-of": ["pull-request-review-comment-activity-type", "pull-request-review-comment-activity-types"] }, "pull-request-review-comment-activity-types": { sequence: { "item-type": "pull-request-review-comment-activity-type" } }, "pull-request-review-comment-activity-type": { "allowed-values": ["created", "edited", "deleted"] }, "pull-request-target-string": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.\n\nThis event runs in the context of the base of the pull request, rather than in the context of the merge commit, as the `pull_request` event does. This prevents execution of unsafe code from the head of the pull request that could alter your repository or steal any secrets you use in your workflow. This event allows your workflow to do things like label or comment on pull requests from forks. Avoid using this event if you need to build or run code from the pull request.", string: { constant: "pull_request_target" } }, "pull-request-target": { description: "Runs your workflow when activity on a pull request in the workflow's repository occurs. If no activity types are specified, the workflow runs when a pull request is opened, reopened, or when the head branch of the pull request is updated.\n\nThis event runs in the context of the base of the pull request, rather than in the context of the merge commit, as the `pull_request` event does. This prevents execution of unsafe code from the head of the pull request that could alter your repository or steal any secrets you use in your workflow. This event allows your workflow to do things like label or comment on pull requests from forks. Avoid using this event if you need to build or run code from the pull request.", "one-of": ["null", "pull-request-target-mapping"] }, "pull-request-target-mapping": { mapping: { properties: { types: "pull-request-target-activity", branches: "event-branches", "branches-ignore": "event-branches-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "pull-request-target-activity": { description: "The types of pull request activity that trigger the workflow. Supported activity types: `assigned`, `unassigned`, `labeled`, `unlabeled`, `opened`, `edited`, `closed`, `reopened`, `synchronize`, `converted_to_draft`, `locked`, `unlocked`, `enqueued`, `dequeued`, `milestoned`, `demilestoned`, `ready_for_review`, `review_requested`, `review_request_removed`, `auto_merge_enabled`, `auto_merge_disabled`, `stacked`.", "one-of": ["pull-request-target-activity-type", "pull-request-target-activity-types"] }, "pull-request-target-activity-types": { sequence: { "item-type": "pull-request-target-activity-type" } }, "pull-request-target-activity-type": { "allowed-values": ["assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"] }, "push-string": { description: "Runs your workflow when you push a commit or tag.", string: { constant: "push" } }, push: { description: "Runs your workflow when you push a commit or tag.", "one-of": ["null", "push-mapping"] }, "push-mapping": { mapping: { properties: { branches: "event-branches", "branches-ignore": "event-branches-ignore", tags: "event-tags", "tags-ignore": "event-tags-ignore", paths: "event-paths", "paths-ignore": "event-paths-ignore" } } }, "registry-package-string": { description: "Runs your workflow when activity related to GitHub Packages occurs in your repository.", string: { constant: "registry_package" } }, "registry-package": { description: "Runs your workflow when activity related to GitHub Packages occurs in your repository.", "one-of": ["null", "registry-package-mapping"] }, "registry-package-mapping": { mapping: { properties: { types: "registry-package-activity" } } }, "registry-package-activity": { description: "The types of registry package activity that trigger the workflow. Supported activity types: `published`, `updated`.", "one-of": ["registry-package-activity-type", "registry-package-activity-types"] }, "registry-package-activity-types": { sequence: { "item-type": "registry-package-activity-type" } }, "registry-package-activity-type": { "allowed-values": ["published", "updated"] }, "release-string": { description: "Runs your workflow when release activity in your repository occurs.", string: { constant: "release" } }, release: { description: "Runs your workflow when release activity in your repository occurs.", "one-of": ["null", "release-mapping"] }, "release-mapping": { mapping: { properties: { types: "release-activity" } } }, "release-activity": { description: "The types of release activity that trigger the workflow. Supported activity types: `published`, `unpublished`, `created`, `edited`, `deleted`, `prereleased`, `released`.", "one-of": ["release-activity-type", "release-activity-types"] }, "release-activity-types": { sequence: { "item-type": "release-activity-type" } }, "release-activity-type": { "allowed-values": ["published", "unpublished", "created", "edited", "deleted", "prereleased", "released"] }, "schedule-string": { description: "The `schedule` event allows you to trigger a workflow at a scheduled time.\n\nYou can schedule a workflow to run at specific UTC times using POSIX cron syntax. Scheduled workflows run on the latest commit on the default or base branch. The shortest interval you can run scheduled workflows is once every 5 minutes. GitHub Actions does not support the non-standard syntax `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, and `@reboot`.", string: { constant: "schedule" } }, schedule: { description: "The `schedule` event allows you to trigger a workflow at a scheduled time.\n\nYou can schedule a workflow to run at specific UTC times using POSIX cron syntax. Scheduled workflows run on the latest commit on the default or base branch. The shortest interval you can run scheduled workflows is once every 5 minutes. GitHub Actions does not support the non-standard syntax `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, and `@reboot`.", sequence: { "item-type": "cron-mapping" } }, "status-string": { description: "Runs your workflow when the status of a Git commit changes. For example, commits can be marked as `error`, `failure`, `pending`, or `success`. If you want to provide more details about the status change, you may want to use the `check_run` event.", string: { constant: "status" } }, status: { description: "Runs your workflow when the status of a Git commit changes. For example, commits can be marked as `error`, `failure`, `pending`, or `success`. If you want to provide more details about the status change, you may want to use the `check_run` event.", null: {} }, "watch-string": { description: "Runs your workflow when the workflow's repository is starred.", string: { constant: "watch" } }, watch: { description: "Runs your workflow when the workflow's repository is starred.", "one-of": ["null", "watch-mapping"] }, "watch-mapping": { mapping: { properties: { types: "watch-activity" } } }, "watch-activity": { description: "The types of watch activity that trigger the workflow. Supported activity types: `started`.", "one-of": ["watch-activity-type", "watch-activity-types"] }, "watch-activity-types": { sequence: { "item-type": "watch-activity-type" } }, "watch-activity-type": { "allowed-values": ["started"] }, "workflow-run-string": { description: "This event occurs when a workflow run is requested or completed. It allows you to execute a workflow based on execution or completion of another workflow. The workflow started by the `workflow_run` event is able to access secrets and write tokens, even if the previous workflow was not. This is useful in cases where the previous workflow is intentionally not privileged, but you need to take a privileged action in a later workflow.", string: { constant: "workflow_run" } }, "workflow-run": { description: "This event occurs when a workflow run is requested or completed. It allows you to execute a workflow based on execution or completion of another workflow. The workflow started by the `workflow_run` event is able to access secrets and write tokens, even if the previous workflow was not. This is useful in cases where the previous workflow is intentionally not privileged, but you need to take a privileged action in a later workflow.", "one-of": ["null", "workflow-run-mapping"] }, "workflow-run-mapping": { mapping: { properties: { types: "workflow-run-activity", workflows: "workflow-run-workflows", branches: "event-branches", "branches-ignore": "event-branches-ignore" } } }, "workflow-run-workflows": { description: "The name of the workflow that triggers the `workflow_run` event. The workflow must be in the same repository as the workflow that uses the `workflow_run` event.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "workflow-run-activity": { description: "The types of workflow run activity that trigger the workflow. Supported activity types: `completed`, `requested`, `in_progress`.", "one-of": ["workflow-run-activity-type", "workflow-run-activity-types"] }, "workflow-run-activity-types": { sequence: { "item-type": "workflow-run-activity-type" } }, "workflow-run-activity-type": { "allowed-values": ["requested", "completed", "in_progress"] }, "event-branches": { description: "Use the `branches` filter when you want to include branch name patterns or when you want to both include and exclude branch name patterns. You cannot use both the `branches` and `branches-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-branches-ignore": { description: "Use the `branches-ignore` filter when you only want to exclude branch name patterns. You cannot use both the `branches` and `branches-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-names": { description: "Use the `names` filter when you want to include names via patterns or when you want to both include and exclude names using patterns. ", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-tags": { description: "Use the `tags` filter when you want to include tag name patterns or when you want to both include and exclude tag names patterns. You cannot use both the `tags` and `tags-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-tags-ignore": { description: "Use the `tags-ignore` filter when you only want to exclude tag name patterns. You cannot use both the `tags` and `tags-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-paths": { description: "Use the `paths` filter when you want to include file path patterns or when you want to both include and exclude file path patterns. You cannot use both the `paths` and `paths-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-paths-ignore": { description: "Use the `paths-ignore` filter when you only want to exclude file path patterns. You cannot use both the `paths` and `paths-ignore` filters for the same event in a workflow.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "event-versions": { description: "Use the `versions` filter when you want to include versions via patterns or when you want to both include and exclude versions using patterns. ", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "repository-dispatch-string": { description: "You can use the GitHub API to trigger a webhook event called `repository_dispatch` when you want to trigger a workflow for activity that happens outside of GitHub.", string: { constant: "branch_protection_rule" } }, "repository-dispatch": { description: "You can use the GitHub API to trigger a webhook event called `repository_dispatch` when you want to trigger a workflow for activity that happens outside of GitHub.", "one-of": ["null", "repository-dispatch-mapping"] }, "repository-dispatch-mapping": { mapping: { properties: { types: "sequence-of-non-empty-string" } } }, "workflow-call-string": { description: "The `workflow_call` event is used to indicate that a workflow can be called by another workflow. When a workflow is triggered with the `workflow_call` event, the event payload in the called workflow is the same event payload from the calling workflow.", string: { constant: "workflow_call" } }, "workflow-call": { description: "The `workflow_call` event is used to indicate that a workflow can be called by another workflow. When a workflow is triggered with the `workflow_call` event, the event payload in the called workflow is the same event payload from the calling workflow.", "one-of": ["null", "workflow-call-mapping"] }, "workflow-call-mapping": { mapping: { properties: { inputs: "workflow-call-inputs", secrets: "workflow-call-secrets", outputs: "workflow-call-outputs" } } }, "workflow-call-inputs": { description: "Inputs that are passed to the called workflow from the caller workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "workflow-call-input-definition" } }, "workflow-call-input-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the input parameter." }, type: { type: "workflow-call-input-type", required: true }, required: { type: "boolean", description: "A boolean to indicate whether the action requires the input parameter. Set to `true` when the parameter is required." }, default: "workflow-call-input-default" } } }, "workflow-call-input-type": { description: "Required if input is defined for the `on.workflow_call` keyword. The value of this parameter is a string specifying the data type of the input. This must be one of: `boolean`, `number`, or `string`.", "one-of": ["input-type-string", "input-type-boolean", "input-type-number"] }, "input-type-string": { string: { constant: "string" } }, "input-type-boolean": { string: { constant: "boolean" } }, "input-type-number": { string: { constant: "number" } }, "input-type-choice": { string: { constant: "choice" } }, "input-type-environment": { string: { constant: "environment" } }, "workflow-call-input-default": { description: 'If a `default` parameter is not set, the default value of the input is `false` for boolean, `0` for a number, and `""` for a string.', context: ["github", "inputs", "vars"], "one-of": ["string", "boolean", "number"] }, "workflow-call-secrets": { description: "A map of the secrets that can be used in the called workflow. Within the called workflow, you can use the `secrets` context to refer to a secret.", mapping: { "loose-key-type": "workflow-call-secret-name", "loose-value-type": "workflow-call-secret-definition" } }, "workflow-call-secret-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the secret." }, "workflow-call-secret-definition": { "one-of": ["null", "workflow-call-secret-mapping-definition"] }, "workflow-call-secret-mapping-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the secret parameter." }, required: { type: "boolean", description: "A boolean specifying whether the secret must be supplied." } } } }, "workflow-call-outputs": { description: "A reusable workflow may generate data that you want to use in the caller workflow. To use these outputs, you must specify them as the outputs of the reusable workflow.", mapping: { "loose-key-type": "workflow-call-output-name", "loose-value-type": "workflow-call-output-definition" } }, "workflow-call-output-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the output. The value of `<output_id>` is a map of the input's metadata. The `<output_id>` must be a unique identifier within the outputs object and must start with a letter or _ and contain only alphanumeric characters, -, or _." }, "workflow-call-output-definition": { mapping: { properties: { description: { type: "string", description: "A string description of the output parameter." }, value: { type: "workflow-output-context", required: true } } } }, "workflow-output-context": { description: "The value to assign to the output parameter.", context: ["github", "inputs", "vars", "jobs"], string: {} }, "workflow-dispatch-string": { description: "The `workflow_dispatch` event allows you to manually trigger a workflow run. A workflow can be manually triggered using the GitHub API, GitHub CLI, or GitHub browser interface.", string: { constant: "workflow_dispatch" } }, "workflow-dispatch": { description: "The `workflow_dispatch` event allows you to manually trigger a workflow run. A workflow can be manually triggered using the GitHub API, GitHub CLI, or GitHub browser interface.", "one-of": ["null", "workflow-dispatch-mapping"] }, "workflow-dispatch-mapping": { mapping: { properties: { inputs: "workflow-dispatch-inputs" } } }, "workflow-dispatch-inputs": { description: "You can configure custom-defined input properties, default input values, and required inputs for the event directly in your workflow. When you trigger the event, you can provide the `ref` and any `inputs`. When the workflow runs, you can access the input values in the `inputs` context.", mapping: { "loose-key-type": "workflow-dispatch-input-name", "loose-value-type": "workflow-dispatch-input" } }, "workflow-dispatch-input-name": { string: { "require-non-empty": true }, description: "A string identifier to associate with the input. The value of <input_id> is a map of the input's metadata. The <input_id> must be a unique identifier within the inputs object. The <input_id> must start with a letter or _ and contain only alphanumeric characters, -, or _." }, "workflow-dispatch-input": { mapping: { properties: { description: { type: "string", description: "A string description of the input parameter." }, type: { type: "workflow-dispatch-input-type" }, required: { type: "boolean", description: "A boolean to indicate whether the workflow requires the input parameter. Set to true when the parameter is required." }, default: "workflow-dispatch-input-default", options: { type: "sequence-of-string", description: "The options of the dropdown list, if the type is a choice." } } } }, "workflow-dispatch-input-type": { description: "A string representing the type of the input. This must be one of: `boolean`, `number`, `string`, `choice`, or `environment`.", "one-of": ["input-type-string", "input-type-boolean", "input-type-number", "input-type-environment", "input-type-choice"] }, "workflow-dispatch-input-default": { description: "The default value is used when an input parameter isn't specified in a workflow file.", "one-of": ["string", "boolean", "number"] }, permissions: { description: "You can use `permissions` to modify the default permissions granted to the `GITHUB_TOKEN`, adding or removing access as required, so that you only allow the minimum required access.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#permissions)", "one-of": ["permissions-mapping", "permission-level-shorthand-read-all", "permission-level-shorthand-write-all"] }, "permissions-mapping": { mapping: { properties: { actions: { type: "permission-level-any", description: "Actions workflows, workflow runs, and artifacts." }, "artifact-metadata": { type: "permission-level-any", description: "Storage and deployment records for build artifacts." }, attestations: { type: "permission-level-any", description: "Artifact attestations." }, checks: { type: "permission-level-any", description: "Check runs and check suites." }, "code-quality": { type: "permission-level-any", description: "Code quality data." }, contents: { type: "permission-level-any", description: "Repository contents, commits, branches, downloads, releases, and merges." }, "copilot-requests": { type: "permission-level-write-or-no-access", description: "GitHub Copilot requests." }, deployments: { type: "permission-level-any", description: "Deployments and deployment statuses." }, discussions: { type: "permission-level-any", description: "Discussions and related comments and labels." }, drives: { type: "permission-level-any", description: "GitHub Drives persistent workspace storage. Use `read` for checkout and `write` to commit changes." }, "id-token": { type: "permission-level-write-or-no-access", description: "Token to request an OpenID Connect token." }, issues: { type: "permission-level-any", description: "Issues and related comments, assignees, labels, and milestones." }, models: { type: "permission-level-read-or-no-access", description: "Call AI models with GitHub Models." }, packages: { type: "permission-level-any", description: "Packages published to the GitHub Package Platform." }, pages: { type: "permission-level-any", description: "Retrieve Pages statuses, configuration, and builds, as well as create new builds." }, "pull-requests": { type: "permission-level-any", description: "Pull requests and related comments, assignees, labels, milestones, and merges." }, "repository-projects": { type: "permission-level-any", description: "Classic projects within a repository." }, "security-events": { type: "permission-level-any", description: "Code scanning alerts." }, statuses: { type: "permission-level-any", description: "Commit statuses." }, "vulnerability-alerts": { type: "permission-level-read-or-no-access", description: "Dependabot alerts." } } } }, "permission-level-any": { description: "The permission level for the `GITHUB_TOKEN`.", "one-of": ["permission-level-read", "permission-level-write", "permission-level-no-access"] }, "permission-level-read-or-no-access": { "one-of": ["permission-level-read", "permission-level-no-access"] }, "permission-level-write-or-no-access": { "one-of": ["permission-level-write", "permission-level-no-access"] }, "permission-level-read": { description: "The permission level for the `GITHUB_TOKEN`. Grants `read` permission for the specified scope.", string: { constant: "read" } }, "permission-level-write": { description: "The permission level for the `GITHUB_TOKEN`. Grants `write` permission for the specified scope.", string: { constant: "write" } }, "permission-level-no-access": { description: "The permission level for the `GITHUB_TOKEN`. Restricts all access for the specified scope.", string: { constant: "none" } }, "permission-level-shorthand-read-all": { description: "The permission level for the `GITHUB_TOKEN`. Grants `read` access for all scopes.", string: { constant: "read-all" } }, "permission-level-shorthand-write-all": { description: "The permission level for the `GITHUB_TOKEN`. Grants `write` access for all scopes.", string: { constant: "write-all" } }, "workflow-defaults": { description: "Use `defaults` to create a map of default settings that will apply to all jobs in the workflow. You can also set default settings that are only available to a job.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#defaults)", mapping: { properties: { run: "workflow-defaults-run" } } }, "workflow-defaults-run": { mapping: { properties: { shell: "shell", "working-directory": "working-directory" } } }, "workflow-env": { description: "A map of environment variables that are available to the steps of all jobs in the workflow. You can also set environment variables that are only available to the steps of a single job or to a single step.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#env)", context: ["github", "inputs", "vars", "secrets"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, jobs: { description: "A workflow run is made up of one or more `jobs`, which run in parallel by default. To run jobs sequentially, you can define dependencies on other jobs using the `jobs.<job_id>.needs` keyword. Each job runs in a runner environment specified by `runs-on`.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#jobs)", mapping: { "loose-key-type": "job-id", "loose-value-type": "job" } }, "job-id": { string: { "require-non-empty": true }, description: "A unique identifier for the job. The identifier must start with a letter or _ and contain only alphanumeric characters, -, or _." }, job: { description: "Each job must have an id to associate with the job. The key `job_id` is a string and its value is a map of the job's configuration data. You must replace `<job_id>` with a string that is unique to the jobs object. The `<job_id>` must start with a letter or _ and contain only alphanumeric characters, -, or _.", "one-of": ["job-factory", "workflow-job"] }, "job-factory": { mapping: { properties: { needs: "needs", if: "job-if", strategy: "strategy", name: { type: "string-strategy-context", description: "The name of the job displayed on GitHub." }, "runs-on": { type: "runs-on", required: true }, "timeout-minutes": { type: "number-strategy-context", description: "The maximum number of minutes to let a workflow run before GitHub automatically cancels it. Default: 360" }, "cancel-timeout-minutes": "number-strategy-context", "continue-on-error": { type: "boolean-strategy-context", description: "Prevents a workflow run from failing when a job fails. Set to true to allow a workflow run to pass when this job fails." }, container: "container", services: "services", env: "job-env", environment: "job-environment", permissions: "permissions", concurrency: "job-concurrency", outputs: "job-outputs", defaults: "job-defaults", steps: "steps", snapshot: "snapshot" } } }, "workflow-job": { mapping: { properties: { name: { type: "string-strategy-context", description: "The name of the job displayed on GitHub." }, uses: { description: "The location and version of a reusable workflow file to run as a job. Use one of the following formats:\n\n* `{owner}/{repo}/.github/workflows/{filename}@{ref}` for reusable workflows in public and private repositories.\n* `./.github/workflows/{filename}` for reusable workflows in the same repository.\n\n{ref} can be a SHA, a release tag, or a branch name. Using the commit SHA is the safest for stability and security.", type: "non-empty-string", required: true }, with: "workflow-job-with", secrets: "workflow-job-secrets", needs: "needs", if: "job-if", permissions: "permissions", concurrency: "job-concurrency", strategy: "strategy" } } }, "workflow-job-with": { description: "When a job is used to call a reusable workflow, you can use `with` to provide a map of inputs that are passed to the called workflow.\n\nAny inputs that you pass must match the input specifications defined in the called workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "scalar-needs-context" } }, "workflow-job-secrets": { description: "When a job is used to call a reusable workflow, you can use `secrets` to provide a map of secrets that are passed to the called workflow.\n\nAny secrets that you pass must match the names defined in the called workflow.", "one-of": ["workflow-job-secrets-mapping", "workflow-job-secrets-inherit"] }, "workflow-job-secrets-mapping": { mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "scalar-needs-context-with-secrets" } }, "workflow-job-secrets-inherit": { string: { constant: "inherit" } }, needs: { description: "Use `needs` to identify any jobs that must complete successfully before this job will run. It can be a string or array of strings. If a job fails, all jobs that need it are skipped unless the jobs use a conditional expression that causes the job to continue. If a run contains a series of jobs that need each other, a failure applies to all jobs in the dependency chain from the point of failure onwards.", "one-of": ["sequence-of-non-empty-string", "non-empty-string"] }, "job-if": { description: "You can use the `if` conditional to prevent a job from running unless a condition is met. You can use any supported context and expression to create a conditional.", context: ["github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)"], string: {} }, "job-if-result": { context: ["github", "inputs", "vars", "needs", "always(0,0)", "failure(0,MAX)", "cancelled(0,0)", "success(0,MAX)"], "one-of": ["null", "boolean", "number", "string", "sequence", "mapping"] }, strategy: { description: "Use `strategy` to use a matrix strategy for your jobs. A matrix strategy lets you use variables in a single job definition to automatically create multiple job runs that are based on the combinations of the variables. ", context: ["github", "inputs", "vars", "needs"], mapping: { properties: { "fail-fast": { type: "boolean", description: "Setting `fail-fast` to `false` prevents GitHub from canceling all in-progress jobs if any matrix job fails. Default: `true`" }, "max-parallel": { type: "number", description: "The maximum number of jobs that can run simultaneously when using a matrix job strategy. By default, GitHub will maximize the number of jobs run in parallel depending on runner availability." }, matrix: "matrix" } } }, matrix: { description: "Use `matrix` to define a matrix of different job configurations. Within your matrix, define one or more variables followed by an array of values.", mapping: { properties: { include: { type: "matrix-filter", description: "Use `include` to expand existing matrix configurations or to add new configurations. The value of `include` is a list of objects.\n\nFor each object in the `include` list, the key:value pairs in the object will be added to each of the matrix combinations if none of the key:value pairs overwrite any of the original matrix values. If the object cannot be added to any of the matrix combinations, a new matrix combination will be created instead. Note that the original matrix values will not be overwritten, but added matrix values can be overwritten." }, exclude: { type: "matrix-filter", description: "To remove specific configurations defined in the matrix, use `exclude`. An excluded configuration only has to be a partial match for it to be excluded." } }, "loose-key-type": "non-empty-string", "loose-value-type": "sequence" } }, "matrix-filter": { sequence: { "item-type": "matrix-filter-item" } }, "matrix-filter-item": { mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "any" } }, snapshot: { description: "Use `snapshot` to define a custom image you want to create or update after your job succeeds by taking a snapshot of your runner.", "one-of": ["non-empty-string", "snapshot-mapping"] }, "snapshot-mapping": { mapping: { properties: { "image-name": { description: "The desired name of the custom image you want to create or update.", type: "non-empty-string", required: true }, if: "snapshot-if", version: { description: "The desired major version updates upon a new custom image version creation.", type: "non-empty-string" } } } }, "snapshot-if": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], description: "Use the if conditional to prevent a snapshot from being taken unless a condition is met. Any supported context and expression can be used to create a conditional. Expressions in an `if` conditional do not require the bracketed expression syntax. When you use expressions in an `if` conditional, you may omit the expression syntax because GitHub automatically evaluates the `if` conditional as an expression.", string: {} }, "runs-on": { description: "Use `runs-on` to define the type of machine to run the job on.\n* The destination machine can be either a GitHub-hosted runner, larger runner, or a self-hosted runner.\n* You can target runners based on the labels assigned to them, or their group membership, or a combination of these.\n* You can provide `runs-on` as a single string or as an array of strings.\n* If you specify an array of strings, your workflow will execute on any runner that matches all of the specified `runs-on` values.\n* If you would like to run your workflow on multiple machines, use `jobs.<job_id>.strategy`.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "sequence-of-non-empty-string", "runs-on-mapping"] }, "runs-on-mapping": { mapping: { properties: { group: { description: "The group from which to select a runner.", type: "non-empty-string" }, labels: "runs-on-labels" } } }, "runs-on-labels": { description: "The label by which to filter for available runners.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "job-env": { description: "A map of variables that are available to all steps in the job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "workflow-concurrency": { description: "Concurrency ensures that only a single job or workflow using the same concurrency group will run at a time. A concurrency group can be any string or expression.\n\nYou can also specify `concurrency` at the job level.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#concurrency)", context: ["github", "inputs", "vars"], "one-of": ["string", "concurrency-mapping"] }, "job-concurrency": { description: "Concurrency ensures that only a single job using the same concurrency group will run at a time. A concurrency group can be any string or expression. The expression can use any context except for the `secrets` context.\n\nYou can also specify `concurrency` at the workflow level.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "concurrency-mapping"] }, "concurrency-mapping": { description: "Concurrency ensures that only a single job or workflow using the same concurrency group will run at a time. A concurrency group can be any string or expression.\n\nYou can also specify `concurrency` at the job level.\n\n[Documentation](https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#concurrency)", mapping: { properties: { group: { type: "non-empty-string", required: true, description: "When a concurrent job or workflow is queued, if another job or workflow using the same concurrency group in the repository is in progress, the queued job or workflow will be `pending`. Any previously pending job or workflow in the concurrency group will be canceled. To also cancel any currently running job or workflow in the same concurrency group, specify `cancel-in-progress: true`." }, "cancel-in-progress": { type: "boolean", description: "To cancel any currently running job or workflow in the same concurrency group, specify cancel-in-progress: true." }, queue: { type: "concurrency-queue", description: "The queuing mode for the concurrency group. When set to `max`, workflows or jobs will wait in a queue for the concurrency group up to the maximum queue length. Default: `single` meaning at most one item can be pending." } } } }, "concurrency-queue": { "allowed-values": ["single", "max"] }, "job-environment": { description: "The environment that the job references. All environment protection rules must pass before a job referencing the environment is sent to a runner.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "job-environment-mapping"] }, "job-environment-mapping": { mapping: { properties: { name: { type: "job-environment-name", required: true }, url: { type: "string-runner-context-no-secrets", description: "The environment URL, which maps to `environment_url` in the deployments API." }, deployment: { type: "boolean", description: "Whether to create a deployment record for this environment. Defaults to true." } } } }, "job-environment-name": { description: "The name of the environment used by the job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], string: {} }, "job-defaults": { description: "A map of default settings that will apply to all steps in the job. You can also set default settings for the entire workflow.", mapping: { properties: { run: "job-defaults-run" } } }, "job-defaults-run": { context: ["github", "inputs", "vars", "strategy", "matrix", "needs", "env"], mapping: { properties: { shell: "shell", "working-directory": "working-directory" } } }, "job-outputs": { description: "A map of outputs for a called workflow. Called workflow outputs are available to all downstream jobs in the caller workflow. Each output has an identifier, an optional `description,` and a `value`. The `value` must be set to the value of an output from a job within the called workflow.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string-runner-context" } }, steps: { description: "A job contains a sequence of tasks called `steps`. Steps can run commands, run setup tasks, run an action in your repository, a public repository, or an action published in a Docker registry, wait for background steps to complete, or cancel a background step. Not all steps run actions, but all actions run as a step. Each step runs in its own process in the runner environment and has access to the workspace and filesystem. Because steps run in their own process, changes to environment variables are not preserved between steps. GitHub provides built-in steps to set up and complete a job.", sequence: { "item-type": "steps-item" } }, "steps-item": { "one-of": ["run-step", "regular-step", "wait-step", "wait-all-step", "cancel-step", "parallel-step"] }, "run-step": { mapping: { properties: { name: "step-name", id: "step-id", if: "step-if", "timeout-minutes": "step-timeout-minutes", run: { type: "string-steps-context", description: "Runs command-line programs using the operating system's shell. If you do not provide a `name`, the step name will default to the text specified in the `run` command. Commands run using non-login shells by default. You can choose a different shell and customize the shell used to run commands. Each `run` keyword represents a new process and shell in the virtual environment. When you provide multi-line commands, each line runs in the same shell.", required: true }, "continue-on-error": "step-continue-on-error", env: "step-env", "working-directory": "string-steps-context", shell: "shell", background: "step-background" } } }, "regular-step": { mapping: { properties: { name: "step-name", id: "step-id", if: "step-if", "continue-on-error": "step-continue-on-error", "timeout-minutes": "step-timeout-minutes", uses: { type: "step-uses", required: true }, with: "step-with", env: "step-env", background: "step-background" } } }, "wait-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", wait: { type: "step-wait-target", required: true } } } }, "wait-all-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", "wait-all": { type: "step-wait-all-value", required: true } } } }, "cancel-step": { mapping: { properties: { name: "step-name", id: "step-id", "continue-on-error": "step-continue-on-error", cancel: { type: "step-cancel-target", required: true } } } }, "parallel-step": { mapping: { properties: { parallel: { type: "parallel-steps", required: true, description: "Run a group of steps concurrently. All steps in the parallel block run as background steps and the workflow waits for all of them to complete before continuing." } } } }, "parallel-steps": { sequence: { "item-type": "steps-item" } }, "step-uses": { description: "Selects an action to run as part of a step in your job. An action is a reusable unit of code. You can use an action defined in the same repository as the workflow, a public repository, a [private repository with access enabled](https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository#allowing-access-to-components-in-a-private-repository), or in a published Docker container image.", string: { "require-non-empty": true } }, "step-background": { boolean: {}, description: "When set to true, runs this step in the background. The workflow continues to the next step immediately without waiting for the background step to finish." }, "step-wait-target": { description: "The step ID or IDs of background steps to wait for.", "one-of": ["non-empty-string", "sequence-of-non-empty-string"] }, "step-wait-all-value": { description: "Wait for all prior background steps to complete. Use as a bare key (`wait-all:`) or with a boolean value.", "one-of": ["null", "boolean"] }, "step-cancel-target": { description: "The step ID of a background step to cancel.", string: { "require-non-empty": true } }, "step-continue-on-error": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], boolean: {}, description: "Prevents a job from failing when a step fails. Set to `true` to allow a job to pass when this step fails." }, "step-id": { string: { "require-non-empty": true }, description: "A unique identifier for the step. You can use the `id` to reference the step in contexts." }, "step-if": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)"], description: "Use the `if` conditional to prevent a step from running unless a condition is met. Any supported context and expression can be used to create a conditional. Expressions in an `if` conditional do not require the bracketed expression syntax. When you use expressions in an `if` conditional, you may omit the expression syntax because GitHub automatically evaluates the `if` conditional as an expression.", string: {} }, "step-if-result": { context: ["github", "inputs", "vars", "strategy", "matrix", "steps", "job", "runner", "env", "always(0,0)", "failure(0,0)", "cancelled(0,0)", "success(0,0)", "hashFiles(1,255)"], "one-of": ["null", "boolean", "number", "string", "sequence", "mapping"] }, "step-env": { description: "Sets variables for steps to use in the runner environment. You can also set variables for the entire workflow or a job.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, "step-name": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], string: {}, description: "A name for your step to display on GitHub." }, "step-timeout-minutes": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], number: {}, description: "The maximum number of minutes to run the step before killing the process." }, "step-with": { description: "A map of the input parameters defined by the action. Each input parameter is a key/value pair. Input parameters are set as variables. When you specify an input in a workflow file or use a default input value, GitHub creates a variable for the input with the name `INPUT_<VARIABLE_NAME>`. The variable created converts input names to uppercase letters and replaces spaces with `_`.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string" } }, container: { description: "A container to run any steps in a job that don't already specify a container. If you have steps that use both script and container actions, the container actions will run as sibling containers on the same network with the same volume mounts.\n\nIf you do not set a container, all steps will run directly on the host specified by runs-on unless a step refers to an action configured to run in a container.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "container-mapping"] }, "container-mapping": { mapping: { properties: { image: { type: "non-empty-string", description: "Use `jobs.<job_id>.container.image` to define the Docker image to use as the container to run the action. The value can be the Docker Hub image or a registry name." }, options: { type: "string", description: "Use `jobs.<job_id>.container.options` to configure additional Docker container resource options." }, env: "container-env", ports: { type: "sequence-of-non-empty-string", description: "Use `jobs.<job_id>.container.ports` to set an array of ports to expose on the container." }, volumes: { type: "sequence-of-non-empty-string", description: "Use `jobs.<job_id>.container.volumes` to set an array of volumes for the container to use. You can use volumes to share data between services or other steps in a job. You can specify named Docker volumes, anonymous Docker volumes, or bind mounts on the host." }, credentials: "container-registry-credentials" } } }, services: { description: "Additional containers to host services for a job in a workflow. These are useful for creating databases or cache services like redis. The runner on the virtual machine will automatically create a network and manage the life cycle of the service containers. When you use a service container for a job or your step uses container actions, you don't need to set port information to access the service. Docker automatically exposes all ports between containers on the same network. When both the job and the action run in a container, you can directly reference the container by its hostname. The hostname is automatically mapped to the service name. When a step does not use a container action, you must access the service using localhost and bind the ports.", context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "services-container" } }, "services-container": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["non-empty-string", "service-container-mapping"] }, "container-registry-credentials": { description: "If the image's container registry requires authentication to pull the image, you can use `jobs.<job_id>.container.credentials` to set a map of the username and password. The credentials are the same values that you would provide to the `docker login` command.", context: ["github", "inputs", "vars", "secrets", "env"], mapping: { properties: { username: "non-empty-string", password: "non-empty-string" } } }, "container-env": { description: "Use `jobs.<job_id>.container.env` to set a map of variables in the container.", mapping: { "loose-key-type": "non-empty-string", "loose-value-type": "string-runner-context" } }, "non-empty-string": { string: { "require-non-empty": true } }, "sequence-of-non-empty-string": { sequence: { "item-type": "non-empty-string" } }, "sequence-of-string": { sequence: { "item-type": "string" } }, "boolean-needs-context": { context: ["github", "inputs", "vars", "needs"], boolean: {} }, "number-needs-context": { context: ["github", "inputs", "vars", "needs"], number: {} }, "string-needs-context": { context: ["github", "inputs", "vars", "needs"], string: {} }, "scalar-needs-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], "one-of": ["string", "boolean", "number"] }, "scalar-needs-context-with-secrets": { context: ["github", "inputs", "vars", "needs", "secrets", "strategy", "matrix"], "one-of": ["string", "boolean", "number"] }, "boolean-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], boolean: {} }, "number-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], number: {} }, "string-strategy-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix"], string: {} }, "boolean-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], boolean: {} }, "number-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], number: {} }, "string-runner-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env"], string: {} }, "string-runner-context-no-secrets": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "steps", "job", "runner", "env"], string: {} }, "string-steps-context": { context: ["github", "inputs", "vars", "needs", "strategy", "matrix", "secrets", "steps", "job", "runner", "env", "hashFiles(1,255)"], string: {} }, shell: { string: { "require-non-empty": true }, description: "Use `shell` to override the default shell settings in the runner's operating system. You can use built-in shell keywords, or you can define a custom set of shell options. The shell command that is run internally executes a temporary file that contains the commands specified in `run`." }, "working-directory": { string: { "require-non-empty": true }, description: "The `working-directory` keyword specifies the working directory where the command is run." }, "cron-mapping": { mapping: { properties: { cron: { type: "cron-pattern", required: true }, timezone: "timezone-string" } } }, "cron-pattern": { description: "A cron expression that represents a schedule. A scheduled workflow will run at most once every 5 minutes.", string: { "require-non-empty": true } }, "timezone-string": { description: "A string that represents the time zone a scheduled workflow will run relative to in IANA format (e.g. 'America/New_York' or 'Europe/London'). If omitted, the workflow will run relative to midnight UTC.", string: { "require-non-empty": true } }, "service-container-mapping": { mapping: { properties: { image: { type: "non-empty-string", description: "The Docker image to use as the container. The value can be the Docker Hub image or a registry name." }, options: { type: "string", description: "Additional Docker container resource options." }, env: "container-env", ports: { type: "sequence-of-non-empty-string", description: "An array of ports to expose on the container." }, volumes: { type: "sequence-of-non-empty-string", description: "An array of volumes for the container to use. You can use volumes to share data between services or other steps in a job. You can specify named Docker volumes, anonymous Docker volumes, or bind mounts on the host." }, credentials: "container-registry-credentials", entrypoint: { type: "string", description: "Override the default ENTRYPOINT in the service container image." }, command: { type: "string", description: "Override the default CMD in the service container image." } } } } } };

// node_modules/@actions/workflow-parser/dist/workflows/workflow-schema.js
var schema2;
function getWorkflowSchema() {
  if (schema2 === void 0) {
    const json = JSON.stringify(workflow_v1_0_min_default);
    schema2 = TemplateSchema.load(new JSONObjectReader(void 0, json));
  }
  return schema2;
}

// src/workflows/template-reader.ts
var OPEN_EXPRESSION2 = "${{";
var CLOSE_EXPRESSION2 = "}}";
var INSERT_DIRECTIVE2 = "insert";
var BACKGROUND_STEP_PROPERTIES = /* @__PURE__ */ new Set(["background", "wait", "wait-all", "cancel"]);
var BACKGROUND_STEP_ONLY_PROPERTIES = /* @__PURE__ */ new Set(["wait", "wait-all", "cancel"]);
var KEPT_CHECKS = 2e4;
var KEPT_NAMES = 1e3;
var Decline = class extends Error {
};
function decline() {
  throw new Decline();
}
var Plan = class {
  constructor(schema3, info) {
    this.schema = schema3;
    this.info = info;
    this.checks = schema3.checksFor(info.allowedContext);
  }
  schema;
  info;
  scalarList;
  item;
  mappingList;
  children = /* @__PURE__ */ new Map();
  properties = /* @__PURE__ */ new Map();
  owners = /* @__PURE__ */ new Map();
  /** An expression's check under this plan's allowed context: the error's message, or null. */
  checks;
  get allowsExpressions() {
    return this.info.allowedContext.length > 0;
  }
  /** The plan of `definition` read under this one (GitHub's `new DefinitionInfo(this, definition)`). */
  child(definition) {
    let plan = this.children.get(definition);
    if (plan === void 0) {
      plan = this.schema.plan(this.info, definition);
      this.children.set(definition, plan);
    }
    return plan;
  }
  named(name) {
    return this.child(this.schema.definitions.getDefinition(name));
  }
  /** The scalar definitions a literal may match, in the schema's order (`getScalarDefinitions`). */
  get scalars() {
    this.scalarList ??= this.info.getScalarDefinitions();
    return this.scalarList;
  }
  /** The plan of a sequence's items, null when no sequence is expected. */
  get items() {
    if (this.item === void 0) {
      const sequence = this.info.getDefinitionsOfType(DefinitionType.Sequence)[0];
      this.item = sequence === void 0 ? null : this.named(sequence.itemType);
    }
    return this.item;
  }
  /** The mapping definitions a mapping may be read as. */
  get mappings() {
    this.mappingList ??= this.info.getDefinitionsOfType(DefinitionType.Mapping);
    return this.mappingList;
  }
  /** Which of the plan's mapping definitions have the property `name`. */
  having(name) {
    let owners = this.owners.get(name);
    if (owners === void 0) {
      owners = new Set(this.mappings.filter((mapping) => ownProperty(mapping, name) !== void 0));
      if (owners.size > 0 || this.owners.size < KEPT_NAMES) this.owners.set(name, owners);
    }
    return owners;
  }
  /** The property `name` of the one mapping definition `mapping` (null when it has none). */
  property(mapping, name) {
    let byName = this.properties.get(mapping);
    if (byName === void 0) {
      byName = /* @__PURE__ */ new Map();
      this.properties.set(mapping, byName);
    }
    let property = byName.get(name);
    if (property === void 0) {
      const definition = ownProperty(mapping, name);
      property = definition === void 0 ? null : { definition, plan: this.named(definition.type) };
      if (property !== null || byName.size < KEPT_NAMES) byName.set(name, property);
    }
    return property;
  }
};
function ownProperty(mapping, name) {
  const properties = mapping.properties;
  if (Object.hasOwn(properties, name)) return properties[name];
  if (name in properties) decline();
  return void 0;
}
var Schema = class {
  constructor(definitions) {
    this.definitions = definitions;
  }
  definitions;
  /** The plans by their parent's allowed context (one array per distinct context), then by their definition. */
  infos = /* @__PURE__ */ new Map();
  roots = /* @__PURE__ */ new Map();
  checks = /* @__PURE__ */ new Map();
  root(type) {
    let plan = this.roots.get(type);
    if (plan === void 0) {
      plan = new Plan(this, new DefinitionInfo(this.definitions, type));
      this.roots.set(type, plan);
    }
    return plan;
  }
  /** `new DefinitionInfo(parent, definition)`: its allowed context depends on the parent's alone. */
  plan(parent, definition) {
    let byDefinition = this.infos.get(parent.allowedContext);
    if (byDefinition === void 0) {
      byDefinition = /* @__PURE__ */ new Map();
      this.infos.set(parent.allowedContext, byDefinition);
    }
    let plan = byDefinition.get(definition);
    if (plan === void 0) {
      plan = new Plan(this, new DefinitionInfo(parent, definition));
      byDefinition.set(definition, plan);
    }
    return plan;
  }
  checksFor(allowed) {
    let checks = this.checks.get(allowed);
    if (checks === void 0) {
      checks = /* @__PURE__ */ new Map();
      this.checks.set(allowed, checks);
    }
    return checks;
  }
};
var SCHEMAS = /* @__PURE__ */ new WeakMap();
function schemaOf(definitions) {
  let schema3 = SCHEMAS.get(definitions);
  if (schema3 === void 0) {
    schema3 = new Schema(definitions);
    SCHEMAS.set(definitions, schema3);
  }
  return schema3;
}
function literal(fileId, range, node, text) {
  const value = node.value;
  if (value === null) return new NullToken(fileId, range, void 0);
  if (typeof value === "number") return new NumberToken(fileId, range, value, void 0);
  if (typeof value === "boolean") return new BooleanToken(fileId, range, value, void 0);
  const source = node.sourceStart < 0 ? void 0 : text.slice(node.sourceStart, node.end);
  return new StringToken(fileId, range, value, void 0, source, node.header);
}
var TreeReader = class {
  constructor(context, fileId, lines) {
    this.context = context;
    this.fileId = fileId;
    this.lines = lines;
  }
  context;
  fileId;
  lines;
  read(node, plan) {
    while (node.kind === "alias") node = node.target;
    const range = this.lines.range(node.start, node.end);
    if (node.kind === "scalar") {
      const token = literal(this.fileId, range, node, this.lines.text);
      return this.check(
        token.templateTokenType === TokenType2.String ? this.expand(token, plan) : token,
        plan
      );
    }
    if (node.kind === "seq") {
      const sequence = new SequenceToken(this.fileId, range, void 0);
      const items2 = plan.items;
      if (items2 === null) this.context.error(sequence, "A sequence was not expected");
      else for (const item of node.items) sequence.add(this.read(item, items2));
      sequence.definitionInfo = plan.info;
      return sequence;
    }
    const mapping = new MappingToken(this.fileId, range, void 0);
    const definitions = plan.mappings;
    const first = definitions[0];
    if (first === void 0) this.context.error(mapping, "A mapping was not expected");
    else if (definitions.length === 1 && first.looseKeyType !== "" && isEmpty(first.properties)) {
      this.readLoose(node.items, plan, first, mapping);
    } else this.readKnown(node.items, plan, definitions, mapping);
    mapping.definitionInfo ??= plan.info;
    return mapping;
  }
  /** A key as GitHub's reader reads it (a StringToken of the key's value), with its expressions read. */
  key(node, plan) {
    if (node.kind !== "scalar" || typeof node.value !== "string") decline();
    const key = new StringToken(this.fileId, this.lines.range(node.start, node.end), node.value, void 0);
    const read = this.expand(key, plan);
    if (read.templateTokenType !== TokenType2.String) decline();
    return read;
  }
  /** A mapping whose every key is loose: `mapping: {loose-key-type, loose-value-type}` alone. */
  readLoose(items2, plan, definition, mapping) {
    const keys = plan.named(definition.looseKeyType);
    const values = plan.named(definition.looseValueType);
    const seen = /* @__PURE__ */ new Set();
    for (let i = 0; i < items2.length; i += 2) {
      const key = this.key(items2[i], plan);
      if (key.value && !this.firstTime(seen, key)) continue;
      this.check(key, keys);
      key.definitionInfo = values.info;
      mapping.add(key, this.read(items2[i + 1], values));
    }
  }
  /** Whether a key is new to its mapping (compared without case); an error when it is not. */
  firstTime(seen, key) {
    const upper = key.value.toUpperCase();
    if (seen.has(upper)) {
      this.context.error(key, `'${key.value}' is already defined`);
      return false;
    }
    seen.add(upper);
    return true;
  }
  /** A mapping with named properties, under one or several mapping definitions (a one-of's). */
  readKnown(items2, plan, all, mapping) {
    const first = all[0];
    let definitions = all;
    let looseKeys;
    let looseValues;
    const seen = /* @__PURE__ */ new Set();
    for (let i = 0; i < items2.length; i += 2) {
      const key = this.key(items2[i], plan);
      const value = items2[i + 1];
      if (key.value && !this.firstTime(seen, key)) continue;
      let property;
      if (definitions.length === 1) property = plan.property(definitions[0], key.value);
      else {
        const matched = matchProperty(plan, definitions, key.value);
        property = matched.property;
        definitions = matched.definitions;
      }
      if (property !== null) {
        if (BACKGROUND_STEP_PROPERTIES.has(key.value)) {
          this.context.error(key, `Unexpected value '${key.value}'`);
          continue;
        }
        key.definitionInfo = property.plan.info;
        if (property.definition.description) key.description = property.definition.description;
        mapping.add(key, this.read(value, property.plan));
      } else if (first.looseKeyType) {
        looseKeys ??= plan.named(first.looseKeyType);
        looseValues ??= plan.named(first.looseValueType);
        this.check(key, looseKeys);
        key.definitionInfo = looseValues.info;
        mapping.add(key, this.read(value, looseValues));
      } else this.context.error(key, `Unexpected value '${key.value}'`);
    }
    const only = definitions.length === 1 ? definitions[0] : void 0;
    if (only !== void 0) {
      mapping.definitionInfo = plan.child(only).info;
      for (const [name, upper] of requiredOf(only)) {
        if (!seen.has(upper)) this.context.error(mapping, `Required property is missing: ${name}`);
      }
    } else {
      this.context.error(
        mapping,
        `There's not enough info to determine what you meant. Add one of these properties: ${distinctProperties(definitions).join(", ")}`
      );
    }
  }
  /**
   * A literal against the plan's scalar definitions (a non-string one also as its text), or an expression against
   * its allowed context; the token read, with its `definitionInfo`.
   */
  check(token, plan) {
    if (token.templateTokenType === TokenType2.BasicExpression) {
      if (!plan.allowsExpressions) this.context.error(token, "A template expression is not allowed in this context");
      return token;
    }
    const literal2 = token;
    const scalars = plan.scalars;
    let match = scalars.find((d) => d.isMatch(literal2));
    if (match !== void 0) {
      literal2.definitionInfo = plan.child(match).info;
      return literal2;
    }
    if (literal2.templateTokenType !== TokenType2.String) {
      const text = new StringToken(literal2.file, literal2.range, literal2.toString(), literal2.definitionInfo);
      match = scalars.find((d) => d.isMatch(text));
      if (match !== void 0) {
        text.definitionInfo = plan.child(match).info;
        return text;
      }
    }
    this.context.error(literal2, `Unexpected value '${literal2.toString()}'`);
    return literal2;
  }
  /**
   * A string's `${{ }}` expressions, each checked against the plan's allowed context: the string unchanged when it
   * has none or one is wrong (with the error), else one expression token (a string literal's value as a string;
   * text and several expressions as a `format()`).
   */
  expand(token, plan) {
    const value = token.value;
    if (!value) return token;
    const range = token.range;
    const singleLine = range.start.line === range.end.line;
    const raw = singleLine ? value : token.source ?? value;
    let start = raw.indexOf(OPEN_EXPRESSION2);
    if (start < 0) return token;
    const shift = singleLine ? (token.source ?? raw).indexOf(OPEN_EXPRESSION2) - start : 0;
    const segments = [];
    let failed = false;
    let at = 0;
    for (; ; ) {
      if (start > at) addText(segments, raw.slice(at, start));
      const end = closingBrace(raw, start);
      if (end < 0) {
        this.context.error(
          token,
          // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's message, word for word.
          "The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found."
        );
        return token;
      }
      at = end + 1;
      const where = singleLine ? {
        start: { line: range.start.line, column: range.start.column + start + shift },
        end: { line: range.end.line, column: range.start.column + end + 1 + shift }
      } : blockRange(raw, range, start, end);
      const expression2 = this.expression(token, raw.slice(start + OPEN_EXPRESSION2.length, end - 1), where, plan);
      if (expression2 === void 0) failed = true;
      else segments.push(expression2);
      start = raw.indexOf(OPEN_EXPRESSION2, at);
      if (start < 0) {
        if (at < raw.length) addText(segments, raw.slice(at));
        break;
      }
    }
    if (failed) return token;
    const [one] = segments;
    if (segments.length === 1 && one instanceof BasicExpressionToken) {
      const text = stringLiteral(one.expression);
      return text === void 0 ? one : new StringToken(this.fileId, token.range, text, void 0);
    }
    const format2 = [];
    const args = [];
    const expressions = [];
    for (const segment of segments) {
      if (typeof segment === "string") {
        format2.push(segment.replace(/'/g, "''").replace(/\{/g, "{{").replace(/\}/g, "}}"));
      } else {
        format2.push(`{${expressions.length}}`);
        args.push(", ", segment.expression);
        expressions.push(segment);
      }
    }
    const expression = `format('${format2.join("")}'${args.join("")})`;
    return new BasicExpressionToken(
      this.fileId,
      token.range,
      expression,
      plan.info,
      expressions,
      raw,
      void 0,
      token.blockScalarHeader
    );
  }
  /** One expression's text (between `${{` and `}}`) checked; undefined after an error. */
  expression(token, text, range, plan) {
    const trimmed = text.trim();
    if (!trimmed) {
      this.context.error(token, "An expression was expected", range);
      return void 0;
    }
    if (trimmed.startsWith(INSERT_DIRECTIVE2)) decline();
    const error = checkExpression(plan, trimmed);
    if (error !== null) {
      this.context.error(token, error, range);
      return void 0;
    }
    const before = text.length - text.trimStart().length;
    const after = text.length - text.trimEnd().length;
    const inner = {
      start: { line: range.start.line, column: range.start.column + OPEN_EXPRESSION2.length + before },
      end: { line: range.end.line, column: range.end.column - CLOSE_EXPRESSION2.length - after }
    };
    const { fileId } = this;
    return new BasicExpressionToken(
      fileId,
      range,
      trimmed,
      plan.info,
      void 0,
      token.source,
      inner,
      token.blockScalarHeader
    );
  }
};
function checkExpression(plan, expression) {
  const checks = plan.checks;
  let error = checks.get(expression);
  if (error === void 0) {
    error = null;
    try {
      ExpressionToken.validateExpression(expression, plan.info.allowedContext);
    } catch (thrown) {
      error = String(thrown?.message ?? thrown);
    }
    if (checks.size >= KEPT_CHECKS) checks.clear();
    checks.set(expression, error);
  }
  return error;
}
function closingBrace(raw, start) {
  let quoted = false;
  for (let i = start + OPEN_EXPRESSION2.length; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 39) quoted = !quoted;
    else if (!quoted && c === 125 && raw.charCodeAt(i - 1) === 125) return i;
  }
  return -1;
}
function blockRange(raw, range, start, end) {
  const before = raw.substring(0, start);
  let line = range.start.line + 1;
  for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
  const lineStart = before.lastIndexOf("\n");
  return { start: { line, column: start - lineStart }, end: { line, column: end - lineStart + 1 } };
}
function addText(segments, text) {
  const last = segments.length - 1;
  const previous = segments[last];
  if (typeof previous === "string") segments[last] = previous + text;
  else segments.push(text);
}
function stringLiteral(expression) {
  let out = "";
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'") {
      quoted = !quoted;
      if (quoted && i !== 0) out += c;
    } else if (!quoted) return void 0;
    else out += c;
  }
  return out;
}
function matchProperty(plan, definitions, name) {
  const having = plan.having(name);
  let found;
  let missing = false;
  for (const definition of definitions) {
    if (having.has(definition)) found = definition;
    else missing = true;
  }
  if (found === void 0) return { property: null, definitions };
  const left = missing ? definitions.filter((d) => having.has(d)) : definitions;
  return { property: plan.property(found, name), definitions: left };
}
var REQUIRED2 = /* @__PURE__ */ new WeakMap();
function requiredOf(mapping) {
  let required = REQUIRED2.get(mapping);
  if (required === void 0) {
    required = Object.keys(mapping.properties).filter((name) => mapping.properties[name]?.required).map((name) => [name, name.toUpperCase()]);
    REQUIRED2.set(mapping, required);
  }
  return required;
}
function distinctProperties(definitions) {
  const count = /* @__PURE__ */ new Map();
  for (const definition of definitions) {
    for (const name of Object.keys(definition.properties)) count.set(name, (count.get(name) ?? 0) + 1);
  }
  return [...count].filter(([name, n]) => n === 1 && !BACKGROUND_STEP_ONLY_PROPERTIES.has(name)).map(([name]) => name).sort();
}
function isEmpty(record) {
  for (const _ in record) return false;
  return true;
}
function readTree(context, type, root, fileId, lines) {
  if (context.state.featureFlags !== void 0) return void 0;
  try {
    return new TreeReader(context, fileId, lines).read(root, schemaOf(context.schema).root(type));
  } catch (error) {
    if (error instanceof Decline || error instanceof RangeError) return void 0;
    throw error;
  }
}

// src/workflows/yaml-depth.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_YAML_DEPTH = 64;
var MAX_YAML_ERRORS = 20;
function yamlBeyondBounds(text) {
  return scanYaml(text, MAX_YAML_DEPTH, MAX_YAML_ERRORS);
}
var TooManyErrors = class extends Error {
};
function scanYaml(text, depthLimit, errorLimit) {
  const bound = depthLimit + 1;
  const parser = new import_yaml.Parser();
  const composer = errorLimit === void 0 ? void 0 : new import_yaml.Composer();
  let errors = 0;
  if (composer !== void 0) {
    composer.onError = () => {
      errors += 1;
      if (errors > errorLimit) throw new TooManyErrors();
    };
  }
  const drain = (docs) => {
    for (const _doc of docs) ;
  };
  const compose = (tokens) => {
    for (const token of tokens) if (composer !== void 0) drain(composer.next(token));
  };
  try {
    for (const lexeme of new import_yaml.Lexer().lex(text)) {
      const before = parser.offset;
      compose(parser.next(lexeme));
      if (parser.stack.length > bound) return { kind: "too-deep", at: lineAndColumn(text, before) };
    }
    compose(parser.end());
    if (composer !== void 0) drain(composer.end());
  } catch (error) {
    if (error instanceof TooManyErrors) return { kind: "too-many-errors" };
    throw error;
  }
  return void 0;
}
function lineAndColumn(text, at) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
var AMBIGUOUS_BREAKS = {
  "\r": "a carriage return not followed by a line feed",
  "\x85": "a next line character, U+0085",
  "\u2028": "a line separator, U+2028",
  "\u2029": "a paragraph separator, U+2029"
};
function ambiguousLineBreak(text) {
  const found = /\r(?!\n)|[\u0085\u2028\u2029]/.exec(text);
  if (found === null) return void 0;
  return { ...lineAndColumn(text, found.index), name: AMBIGUOUS_BREAKS[found[0]] ?? found[0] };
}

// src/workflows/fast-reader.ts
var DOCUMENT = 1;
var SEQUENCE2 = 2;
var MAPPING2 = 3;
var SCALAR2 = 4;
var ALIAS = 5;
var PLAIN = 1;
var SINGLE_QUOTED = 2;
var DOUBLE_QUOTED = 3;
var FLOW = 2;
var KEEP = 3;
var Decline2 = class extends Error {
};
function decline2() {
  throw new Decline2();
}
function coreValue(s) {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || c === 46 || c >= 48 && c <= 57 || c === 116 || c === 84 || c === 102 || c === 70)) {
    return s;
  }
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    if (s.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return Number.parseFloat(s);
  return s;
}
var UNSUPPORTED_TEXT = /[\r\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;
var SPACE = 32;
var TAB = 9;
var NL = 10;
var HASH = 35;
var DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \n]|$)/m;
var LEADING_DOCUMENT_START = /^(?:[ ]*(?:#[^\n]*)?\n)*---[ ]*\n/;
var Builder = class {
  text;
  anchors = /* @__PURE__ */ new Map();
  stack = [];
  root;
  /** Whether a node has an anchor (YAML 1.2.2, 6.9.2 "Node Anchors"). */
  anchored = false;
  constructor(text) {
    this.text = text;
  }
  /** Where each line starts, found once: searching back for a line break on each call costs a long line's length. */
  starts;
  lineStart(p) {
    if (this.starts === void 0) {
      const starts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts[countBelow(this.starts, p + 1) - 1];
  }
  skipSpaces(p) {
    const t = this.text;
    while (p < t.length && (t.charCodeAt(p) === SPACE || t.charCodeAt(p) === TAB)) p++;
    return p;
  }
  /** After a node's text: the spaces, comment and line break the library's parser gives to the node's end. */
  lineTail(p) {
    const t = this.text;
    let q = this.skipSpaces(p);
    if (t.charCodeAt(q) === HASH) {
      const nl = t.indexOf("\n", q);
      q = nl < 0 ? t.length : nl;
    }
    if (t.charCodeAt(q) === NL) q++;
    return q;
  }
  /**
   * The comment lines, more indented than the collection holding the node, that the library's parser adds to a
   * node's end (node_modules/yaml/dist/parse/parser.js, `atIndentedComment`), with the blank lines before each.
   */
  indentedComments(q, indent) {
    const t = this.text;
    let at = q;
    let p = q;
    while (p < t.length && (p === 0 || t.charCodeAt(p - 1) === NL)) {
      const first = this.skipSpaces(p);
      const c = t.charCodeAt(first);
      if (c === NL) {
        p = first + 1;
        continue;
      }
      if (c !== HASH || first - p <= indent) break;
      const nl = t.indexOf("\n", first);
      p = nl < 0 ? t.length : nl + 1;
      at = p;
    }
    return at;
  }
  trailing(q) {
    const t = this.text;
    let p = q;
    let minComment = -1;
    let maxComment = -1;
    while (p < t.length) {
      const first = this.skipSpaces(p);
      const c = t.charCodeAt(first);
      if (first >= t.length) return { end: t.length, minComment, maxComment };
      if (c === NL) {
        p = first + 1;
        continue;
      }
      if (c !== HASH) return { end: first, minComment, maxComment };
      const column = first - this.lineStart(first);
      if (minComment < 0 || column < minComment) minComment = column;
      if (column > maxComment) maxComment = column;
      const nl = t.indexOf("\n", first);
      p = nl < 0 ? t.length : nl + 1;
    }
    return { end: t.length, minComment, maxComment };
  }
  get parent() {
    return this.stack[this.stack.length - 1];
  }
  /** Whether the next node of the parent is a mapping's key. */
  atKey(parent) {
    return parent !== void 0 && parent.kind === "map" && parent.items.length % 2 === 0;
  }
  /** The tail of a node whose token has an end (a scalar, an alias or a flow collection) in a block collection. */
  valueTail(end, parent, key) {
    if (key || parent === void 0 || parent.flow) return end;
    const q = this.lineTail(end);
    if (q === 0 || this.text.charCodeAt(q - 1) !== NL) return q;
    return this.indentedComments(q, parent.indent);
  }
  add(node, anchorStart, anchorEnd) {
    const parent = this.parent;
    if (anchorStart >= 0) {
      this.anchored = true;
      this.anchors.set(this.text.slice(anchorStart, anchorEnd), node);
    }
    if (parent === void 0) {
      if (this.root !== void 0) decline2();
      this.root = node;
    } else {
      parent.items.push(node);
    }
  }
  /** A key must be a scalar starting its line, or following a sequence entry's `-` (no `?`, no key after a key). */
  checkKey(parent, start, propsStart, end) {
    if (parent.flow) return;
    const t = this.text;
    let p = propsStart - 1;
    while (p >= 0 && t.charCodeAt(p) === SPACE) p--;
    if (p >= 0 && t[p] !== "\n" && t[p] !== "-") decline2();
    if (t.startsWith("<<", start) && end === start + 2) decline2();
    if (end - start > 1e3) decline2();
    if (parent.items.length === 0) {
      const lineStart = this.lineStart(start);
      if (!/^[ -]*$/.test(t.slice(lineStart, start))) decline2();
      parent.start = start;
      parent.indent = start - lineStart;
    }
  }
  scalar(e) {
    if (e.tagStart >= 0) decline2();
    const t = this.text;
    const parent = this.parent;
    const key = this.atKey(parent);
    if (e.valueStart < 0) {
      this.add(this.empty(e, parent, key), e.anchorStart, e.anchorEnd);
      return;
    }
    let start = e.valueStart;
    let end = e.valueEnd;
    let value;
    let header;
    let sourceStart = start;
    if (e.style === PLAIN) {
      value = coreValue(getScalarValue(t, e));
    } else if (e.style === SINGLE_QUOTED || e.style === DOUBLE_QUOTED) {
      start--;
      end++;
      const quote = e.style === SINGLE_QUOTED ? "'" : '"';
      if (t[start] !== quote || t[end - 1] !== quote) decline2();
      if (quote === '"' && t.slice(start, end).includes("\\\n")) decline2();
      value = getScalarValue(t, e);
      sourceStart = start;
    } else {
      if (key) decline2();
      const contentStart = e.valueStart;
      if (contentStart === 0 || t.charCodeAt(contentStart - 1) !== NL) decline2();
      const headerLine = this.lineStart(contentStart - 1);
      const from = Math.max(headerLine, e.anchorEnd, this.lastEnd(parent));
      const match = /([|>][0-9+-]*)[ ]*(?:#.*)?$/.exec(t.slice(from, contentStart - 1));
      if (!match?.[1]) decline2();
      header = match[1];
      start = from + match.index;
      end = e.valueEnd;
      if (!/[^ \n]/.test(t.slice(contentStart, end))) decline2();
      if (this.spacesPastIndent(end, e.indent)) decline2();
      if (e.chomping !== KEEP) end = this.withoutTrailingBlankLines(contentStart, end, e.indent);
      else if (!/[^ ]/.test(t.slice(end)) && t.length - end >= e.indent) end = t.length;
      value = getScalarValue(t, e);
      sourceStart = contentStart;
    }
    if (key && parent) this.checkKey(parent, start, e.anchorStart >= 0 ? e.anchorStart - 1 : start, end);
    const block = e.style !== PLAIN && e.style !== SINGLE_QUOTED && e.style !== DOUBLE_QUOTED;
    const tail = block ? end : this.valueTail(end, parent, key);
    this.add({ kind: "scalar", start, end, tail, value, sourceStart, header }, e.anchorStart, e.anchorEnd);
  }
  /** Where the previous sibling (or the parent's key) ends, for finding what follows it. */
  lastEnd(parent) {
    if (parent === void 0) return 0;
    const last = parent.items[parent.items.length - 1];
    if (last === void 0) return parent.start;
    return parent.kind === "map" && parent.items.length % 2 === 1 ? last.end : last.tail;
  }
  /** Whether the lines of spaces only around `end` (before it back to content, after it up to content) pass `indent`. */
  spacesPastIndent(end, indent) {
    const t = this.text;
    let ls = this.lineStart(end);
    while (ls > 0) {
      const prev = this.lineStart(ls - 1);
      if (this.skipSpaces(prev) !== ls - 1) break;
      ls = prev;
    }
    for (let p = ls; ; p++) {
      const first = this.skipSpaces(p);
      if (first < t.length && t.charCodeAt(first) !== NL) return false;
      if (first - p > indent) return true;
      if (first >= t.length) return false;
      p = first;
    }
  }
  /** `end` without the trailing lines of no more than `indent` spaces (YAML 1.2.2, 8.1.1.2, `l-empty`). */
  withoutTrailingBlankLines(contentStart, end, indent) {
    const t = this.text;
    let e = end;
    while (e > contentStart && t.charCodeAt(e - 1) === NL) {
      const ls = Math.max(contentStart, this.lineStart(e - 1));
      const first = this.skipSpaces(ls);
      if (first !== e - 1 || first - ls > indent) break;
      e = ls;
    }
    return e;
  }
  /**
   * An empty node (YAML 1.2.2, 7.2 "Empty Nodes"): the library places it after its indicator (`:` or `-`, or its
   * anchor) and the spaces that follow (node_modules/yaml/dist/compose/util-empty-scalar-position.js); its end takes
   * in the comments after it, up to the next content, when there are any.
   */
  empty(e, parent, key) {
    if (parent === void 0 || parent.flow || key) decline2();
    const t = this.text;
    let p;
    let comment = false;
    if (parent.kind === "map") {
      const k = parent.items[parent.items.length - 1];
      p = this.skipSpaces(k.end);
      if (t[p] !== ":") decline2();
      p++;
    } else {
      p = this.lastEnd(parent);
      for (; ; ) {
        p = this.skipSpaces(p);
        if (t.charCodeAt(p) === NL) p++;
        else if (t.charCodeAt(p) === HASH) {
          comment = true;
          p = t.indexOf("\n", p) < 0 ? t.length : t.indexOf("\n", p);
        } else break;
      }
      if (t[p] !== "-") decline2();
      p++;
    }
    if (e.anchorStart >= 0) p = e.anchorEnd;
    p = this.skipSpaces(p);
    const after = this.trailing(p);
    const tail = comment || after.minComment >= 0 ? after.end : p;
    return { kind: "scalar", start: p, end: p, tail, value: null, sourceStart: -1, header: void 0 };
  }
  alias(anchorStart, anchorEnd) {
    const parent = this.parent;
    const key = this.atKey(parent);
    if (key) decline2();
    const target = this.anchors.get(this.text.slice(anchorStart, anchorEnd));
    if (target === void 0 || target.kind !== "scalar" && target.kind !== "alias" && !target.closed) decline2();
    const start = anchorStart - 1;
    if (this.text[start] !== "*") decline2();
    const tail = this.valueTail(anchorEnd, parent, false);
    this.add({ kind: "alias", start, end: anchorEnd, tail, target }, -1, -1);
  }
  open(kind, start, style, anchorStart, anchorEnd, tag) {
    if (tag >= 0) decline2();
    const parent = this.parent;
    if (this.atKey(parent)) decline2();
    const flow = style === FLOW;
    const expected = flow ? kind === "seq" ? "[" : "{" : kind === "seq" ? "-" : void 0;
    if (expected !== void 0 && this.text[start] !== expected) decline2();
    if (!flow && kind === "seq" && !/^[ -]*$/.test(this.text.slice(this.lineStart(start), start))) decline2();
    const node = {
      kind,
      start,
      end: start,
      tail: start,
      flow,
      indent: start - this.lineStart(start),
      items: [],
      closed: false
    };
    this.add(node, anchorStart, anchorEnd);
    if (this.stack.length >= MAX_YAML_DEPTH) decline2();
    this.stack.push(node);
  }
  close() {
    const node = this.stack.pop();
    if (node === void 0) return;
    const t = this.text;
    const last = node.items[node.items.length - 1];
    if (node.kind === "map" && node.items.length % 2 === 1) decline2();
    if (node.flow) {
      let gap = node.start + 1;
      for (const item of node.items) {
        if (t.slice(gap, item.start).includes("#")) decline2();
        gap = item.end;
      }
      let p = last === void 0 ? node.start + 1 : last.end;
      for (; ; ) {
        const c = t.charCodeAt(p);
        if (c === SPACE || c === TAB || c === NL || c === 44) p++;
        else break;
      }
      if (t[p] !== (node.kind === "seq" ? "]" : "}")) decline2();
      node.end = p + 1;
      const parent = this.parent;
      node.tail = this.valueTail(node.end, parent, false);
    } else {
      if (last === void 0) decline2();
      node.end = last.tail;
      const after = this.trailing(node.end);
      node.tail = after.maxComment >= node.indent && node.indent !== 0 ? after.end : node.end;
    }
    node.closed = true;
  }
};
function readYaml(text) {
  if (!text.includes("\r")) return readClosed(text, text);
  if (/\r(?!\n)/.test(text)) return void 0;
  const yaml = readClosed(text.replace(/\r\n/g, "\n"), text);
  if (yaml !== void 0) toCrlfOffsets(yaml.root, text);
  return yaml;
}
var MOVED_CLOSES_MAX = 32;
function readClosed(lf, text) {
  let read = lf;
  const moved = [];
  for (; ; ) {
    const result = readLines(read, text);
    if (result === void 0 || "root" in result) {
      if (result !== void 0 && moved.length > 0) moveOffsets(result.root, (o) => o - countBelow(moved, o));
      return result;
    }
    const at = result.closeAt - moved.length;
    const line = lf.lastIndexOf("\n", at - 1) + 1;
    const again = moved.includes(result.closeAt - 1);
    if (again || moved.length >= MOVED_CLOSES_MAX || !/^ *$/.test(lf.slice(line, at))) return void 0;
    moved.push(result.closeAt);
    moved.sort((a, b) => a - b);
    read = `${read.slice(0, result.closeAt)} ${read.slice(result.closeAt)}`;
  }
}
function toCrlfOffsets(root, text) {
  const breaks = [];
  for (let i = text.indexOf("\r\n"); i >= 0; i = text.indexOf("\r\n", i + 2)) breaks.push(i - breaks.length);
  moveOffsets(root, (offset) => offset + countBelow(breaks, offset));
}
function moveOffsets(root, move) {
  const seen = /* @__PURE__ */ new Set();
  const visit2 = (node) => {
    if (seen.has(node)) return;
    seen.add(node);
    node.start = move(node.start);
    node.end = move(node.end);
    if (node.kind === "scalar" && node.sourceStart >= 0) node.sourceStart = move(node.sourceStart);
    if (node.kind === "seq" || node.kind === "map") for (const item of node.items) visit2(item);
  };
  visit2(root);
}
function countBelow(sorted, offset) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (sorted[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
function readLines(lf, text) {
  const start = LEADING_DOCUMENT_START.exec(lf)?.[0].length ?? 0;
  if (UNSUPPORTED_TEXT.test(lf) || DOCUMENT_MARKER.test(start > 0 ? lf.slice(start) : lf)) return void 0;
  let events;
  try {
    events = parseEvents(lf, {});
  } catch (error) {
    const at = error instanceof YAMLException && error.reason === "deficient indentation" ? error.mark?.position : -1;
    return at !== void 0 && at >= 0 && (lf[at] === "]" || lf[at] === "}") ? { closeAt: at } : void 0;
  }
  const builder = new Builder(lf);
  let documents = 0;
  try {
    for (const e of events) {
      switch (e.type) {
        case DOCUMENT:
          documents++;
          if (documents > 1 || e.explicitStart !== start > 0 || e.explicitEnd || e.directives.length > 0) decline2();
          break;
        case SEQUENCE2:
          builder.open("seq", e.start, e.style, e.anchorStart, e.anchorEnd, e.tagStart);
          break;
        case MAPPING2:
          builder.open("map", e.start, e.style, e.anchorStart, e.anchorEnd, e.tagStart);
          break;
        case SCALAR2:
          builder.scalar(e);
          break;
        case ALIAS:
          builder.alias(e.anchorStart, e.anchorEnd);
          break;
        default:
          builder.close();
      }
    }
  } catch {
    return void 0;
  }
  const root = builder.root;
  return documents === 1 && root !== void 0 ? { text, root, anchored: builder.anchored } : void 0;
}
var Lines = class {
  constructor(text) {
    this.text = text;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  pos(offset) {
    const starts = this.starts;
    const low = countBelow(starts, offset);
    if (starts[low] === offset) return { line: low + 1, column: 1 };
    return { line: low, column: offset - starts[low - 1] + 1 };
  }
  range(start, end) {
    return { start: this.pos(start), end: this.pos(end) };
  }
};
var FastObjectReader = class {
  steps = [];
  tokens = [];
  at = -1;
  constructor(root, fileId, lines) {
    this.walk(root, fileId, lines);
  }
  push(step, token) {
    this.steps.push(step);
    this.tokens.push(token);
  }
  /** As `YamlObjectReader.getNodes`: an alias gives its node again, with the node's own range. */
  walk(node, fileId, lines) {
    if (node.kind === "alias") {
      this.walk(node.target, fileId, lines);
      return;
    }
    const range = lines.range(node.start, node.end);
    if (node.kind === "scalar") {
      this.push(0 /* Literal */, literal(fileId, range, node, lines.text));
      return;
    }
    if (node.kind === "seq") {
      this.push(1 /* SequenceStart */, new SequenceToken(fileId, range, void 0));
      for (const item of node.items) this.walk(item, fileId, lines);
      this.push(2 /* SequenceEnd */);
      return;
    }
    this.push(3 /* MappingStart */, new MappingToken(fileId, range, void 0));
    const items2 = node.items;
    for (let i = 0; i < items2.length; i += 2) {
      const key = items2[i];
      const keyRange = lines.range(key.start, key.end);
      this.push(0 /* Literal */, new StringToken(fileId, keyRange, key.value, void 0));
      this.walk(items2[i + 1], fileId, lines);
    }
    this.push(4 /* MappingEnd */);
  }
  /** Moves past the next event when it is `step`. */
  pass(step) {
    if (this.steps[this.at] !== step) return false;
    this.at++;
    return true;
  }
  take(step) {
    return this.pass(step) ? this.tokens[this.at - 1] : void 0;
  }
  allowLiteral() {
    return this.take(0 /* Literal */);
  }
  allowSequenceStart() {
    return this.take(1 /* SequenceStart */);
  }
  allowSequenceEnd() {
    return this.pass(2 /* SequenceEnd */);
  }
  allowMappingStart() {
    return this.take(3 /* MappingStart */);
  }
  allowMappingEnd() {
    return this.pass(4 /* MappingEnd */);
  }
  validateStart() {
    if (this.at !== -1) throw new Error("Expected start of reader");
    this.at = 0;
  }
  validateEnd() {
    if (this.at !== this.steps.length) throw new Error("Expected end of reader");
    this.at++;
  }
};
function parseFast(kind, file, trace, yaml = readYaml(file.content) ?? null, root = kind === "workflow" ? WORKFLOW_ROOT : ACTION_ROOT) {
  if (yaml === null || yaml.text !== file.content) return void 0;
  const schema3 = kind === "workflow" ? getWorkflowSchema() : getActionSchema();
  const lines = new Lines(file.content);
  const ours = new TemplateContext(new TemplateValidationErrors(), schema3, trace);
  const ourId = ours.getFileId(file.name);
  const tree = readTree(ours, root, yaml.root, ourId, lines);
  if (tree !== void 0) return { context: ours, value: tree };
  const context = new TemplateContext(new TemplateValidationErrors(), schema3, trace);
  const fileId = context.getFileId(file.name);
  try {
    const reader = new FastObjectReader(yaml.root, fileId, lines);
    const value = readTemplate(context, root, reader, fileId);
    return { context, value };
  } catch (error) {
    if (error instanceof RangeError) return void 0;
    throw error;
  }
}

// node_modules/@actions/workflow-parser/dist/workflows/file-reference.js
function parseFileReference(ref) {
  if (ref.startsWith("./")) {
    return {
      path: ref.substring(2)
    };
  }
  if (ref.startsWith("$/")) {
    return {
      path: ref.substring(2)
    };
  }
  const [remotePath, version] = ref.split("@");
  const [owner, repository, ...pathSegments] = remotePath.split("/").filter((s) => s.length > 0);
  if (!owner || !repository || !version) {
    throw new Error(`Invalid file reference: ${ref}`);
  }
  return {
    repository,
    owner,
    path: pathSegments.join("/"),
    version
  };
}

// node_modules/@actions/workflow-parser/dist/workflows/yaml-object-reader.js
var import_yaml2 = __toESM(require_dist(), 1);
var YamlObjectReader = class _YamlObjectReader {
  constructor(fileId, content) {
    this.lineCounter = new import_yaml2.LineCounter();
    this.errors = [];
    this.doc = (0, import_yaml2.parseDocument)(content, {
      lineCounter: this.lineCounter,
      keepSourceTokens: true,
      uniqueKeys: false
      // Uniqueness is validated by the template reader
    });
    for (const err of this.doc.errors) {
      this.errors.push({ message: err.message, range: rangeFromLinePos(err.linePos) });
    }
    this._generator = this.getNodes(this.doc, /* @__PURE__ */ new Set());
    this.fileId = fileId;
  }
  *getNodes(node, aliasResolutionStack) {
    let range = this.getRange(node);
    if ((0, import_yaml2.isDocument)(node)) {
      yield new ParseEvent(EventType.DocumentStart);
      for (const item of this.getNodes(node.contents, /* @__PURE__ */ new Set())) {
        yield item;
      }
      yield new ParseEvent(EventType.DocumentEnd);
    }
    if ((0, import_yaml2.isCollection)(node)) {
      if ((0, import_yaml2.isSeq)(node)) {
        yield new ParseEvent(EventType.SequenceStart, new SequenceToken(this.fileId, range, void 0));
      } else if ((0, import_yaml2.isMap)(node)) {
        yield new ParseEvent(EventType.MappingStart, new MappingToken(this.fileId, range, void 0));
      }
      for (const item of node.items) {
        for (const child2 of this.getNodes(item, aliasResolutionStack)) {
          yield child2;
        }
      }
      if ((0, import_yaml2.isSeq)(node)) {
        yield new ParseEvent(EventType.SequenceEnd);
      } else if ((0, import_yaml2.isMap)(node)) {
        yield new ParseEvent(EventType.MappingEnd);
      }
    }
    if ((0, import_yaml2.isScalar)(node)) {
      yield new ParseEvent(EventType.Literal, _YamlObjectReader.getLiteralToken(this.fileId, range, node));
    }
    if ((0, import_yaml2.isAlias)(node)) {
      const resolved = node.resolve(this.doc);
      if (resolved) {
        if (aliasResolutionStack.has(resolved)) {
          return;
        }
        const newStack = new Set(aliasResolutionStack);
        newStack.add(resolved);
        yield* this.getNodes(resolved, newStack);
      }
      return;
    }
    if ((0, import_yaml2.isPair)(node)) {
      const scalarKey = node.key;
      range = this.getRange(scalarKey);
      const key = scalarKey.value;
      yield new ParseEvent(EventType.Literal, new StringToken(this.fileId, range, key, void 0));
      for (const child2 of this.getNodes(node.value, aliasResolutionStack)) {
        yield child2;
      }
    }
  }
  getRange(node) {
    const range = node?.range ?? [];
    const startPos = range[0];
    const endPos = range[1];
    if (startPos !== void 0 && endPos !== void 0) {
      const slp = this.lineCounter.linePos(startPos);
      const elp = this.lineCounter.linePos(endPos);
      return {
        start: { line: slp.line, column: slp.col },
        end: { line: elp.line, column: elp.col }
      };
    }
    return void 0;
  }
  static getLiteralToken(fileId, range, token) {
    const value = token.value;
    if (value === null || value === void 0) {
      return new NullToken(fileId, range, void 0);
    }
    switch (typeof value) {
      case "number":
        return new NumberToken(fileId, range, value, void 0);
      case "boolean":
        return new BooleanToken(fileId, range, value, void 0);
      case "string": {
        let source;
        let blockScalarHeader;
        if (token.srcToken && "source" in token.srcToken) {
          source = token.srcToken.source;
          if (token.srcToken.type === "block-scalar" && "props" in token.srcToken) {
            const props = token.srcToken.props;
            const headerProp = props.find((p) => p.type === "block-scalar-header");
            if (headerProp?.source) {
              blockScalarHeader = headerProp.source;
            }
          }
        }
        return new StringToken(fileId, range, value, void 0, source, blockScalarHeader);
      }
      default:
        throw new Error(`Unexpected value type '${typeof value}' when reading object`);
    }
  }
  allowLiteral() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.Literal) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowSequenceEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.SequenceEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  allowMappingStart() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingStart) {
        this._current = this._generator.next();
        return parseEvent.token;
      }
    }
    return void 0;
  }
  allowMappingEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.MappingEnd) {
        this._current = this._generator.next();
        return true;
      }
    }
    return false;
  }
  validateEnd() {
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentEnd) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected end of reader");
  }
  validateStart() {
    if (!this._current) {
      this._current = this._generator.next();
    }
    if (!this._current.done) {
      const parseEvent = this._current.value;
      if (parseEvent.type === EventType.DocumentStart) {
        this._current = this._generator.next();
        return;
      }
    }
    throw new Error("Expected start of reader");
  }
};
function rangeFromLinePos(linePos) {
  if (linePos === void 0) {
    return;
  }
  const start = { line: linePos[0].line, column: linePos[0].col };
  const end = linePos.length == 2 ? { line: linePos[1].line, column: linePos[1].col } : start;
  return { start, end };
}

// node_modules/@actions/workflow-parser/dist/workflows/workflow-parser.js
function parseWorkflow(entryFile, contextOrTrace) {
  const context = contextOrTrace instanceof TemplateContext ? contextOrTrace : new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), contextOrTrace);
  const fileId = context.getFileId(entryFile.name);
  const reader = new YamlObjectReader(fileId, entryFile.content);
  if (reader.errors.length > 0) {
    for (const err of reader.errors) {
      context.error(fileId, err.message, err.range);
    }
    return {
      context,
      value: void 0
    };
  }
  const result = readTemplate(context, WORKFLOW_ROOT, reader, fileId);
  return {
    context,
    value: result
  };
}

// node_modules/@actions/workflow-parser/dist/model/converter/concurrency.js
function convertConcurrency(context, token) {
  const result = {};
  if (token.isExpression) {
    return result;
  }
  if (isString(token)) {
    result.group = token;
    return result;
  }
  const concurrencyProperty = token.assertMapping("concurrency group");
  for (const property of concurrencyProperty) {
    const propertyName = property.key.assertString("concurrency group key");
    if (property.key.isExpression || property.value.isExpression) {
      continue;
    }
    switch (propertyName.value) {
      case "group":
        result.group = property.value.assertString("concurrency group");
        break;
      case "cancel-in-progress":
        result.cancelInProgress = property.value.assertBoolean("cancel-in-progress").value;
        break;
      case "queue":
        result.queue = property.value.assertString("queue").value;
        break;
      default:
        context.error(propertyName, `Invalid property name: ${propertyName.value}`);
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/cron.js
var import_cronstrue = __toESM(require_cronstrue(), 1);

// node_modules/@actions/workflow-parser/dist/model/converter/cron-constants.js
var MONTHS = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
};
var DAYS = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6
};
var MINUTE_RANGE = { min: 0, max: 59 };
var HOUR_RANGE = { min: 0, max: 23 };
var DOM_RANGE = { min: 1, max: 31 };
var MONTH_RANGE = { min: 1, max: 12, names: MONTHS };
var DOW_RANGE = { min: 0, max: 6, names: DAYS };

// node_modules/@actions/workflow-parser/dist/model/converter/cron.js
function isValidCron(cron) {
  const parts = cron.split(/ +/);
  if (parts.length != 5) {
    return false;
  }
  const [minutes, hours, dom, months, dow] = parts;
  return validateCronPart(minutes, MINUTE_RANGE) && validateCronPart(hours, HOUR_RANGE) && validateCronPart(dom, DOM_RANGE) && validateCronPart(months, MONTH_RANGE) && validateCronPart(dow, DOW_RANGE);
}
function validateCronPart(value, range, allowSeparators = true) {
  if (range.names && range.names[value.toLowerCase()] !== void 0) {
    return true;
  }
  if (value === "*") {
    return true;
  }
  if (value.includes(",")) {
    if (!allowSeparators) {
      return false;
    }
    return value.split(",").every((v) => v && validateCronPart(v, range));
  }
  if (value.includes("/")) {
    if (!allowSeparators) {
      return false;
    }
    const [start, step, ...rest] = value.split("/");
    const stepNumber = +step;
    if (rest.length > 0 || isNaN(stepNumber) || stepNumber <= 0 || !start || !step) {
      return false;
    }
    return validateCronPart(start, range) && validateCronPart(step, range, false);
  }
  if (value.includes("-")) {
    if (!allowSeparators) {
      return false;
    }
    const [start, end, ...rest] = value.split("-");
    if (rest.length > 0 || !start || !end) {
      return false;
    }
    const startNumber = convertToNumber(start, range.names);
    const endNumber = convertToNumber(end, range.names);
    return validateCronPart(start, range, false) && validateCronPart(end, range, false) && endNumber >= startNumber;
  }
  const number = +value;
  return !isNaN(number) && number >= range.min && number <= range.max;
}
function convertToNumber(value, names) {
  if (names && names[value.toLowerCase()] !== void 0) {
    return +names[value.toLowerCase()];
  } else {
    return +value;
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/string-list.js
function convertStringList(name, token) {
  const result = [];
  for (const item of token) {
    result.push(item.assertString(`${name} item`).value);
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/workflow-template.js
var InputType;
(function(InputType2) {
  InputType2["string"] = "string";
  InputType2["choice"] = "choice";
  InputType2["boolean"] = "boolean";
  InputType2["environment"] = "environment";
})(InputType || (InputType = {}));

// node_modules/@actions/workflow-parser/dist/model/converter/workflow-call.js
function convertEventWorkflowCall(context, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "inputs":
        result.inputs = convertWorkflowInputs(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
      case "secrets":
        result.secrets = convertWorkflowCallSecrets(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
      case "outputs":
        break;
    }
  }
  return result;
}
function convertWorkflowInputs(context, token) {
  const result = {};
  for (const item of token) {
    const inputName = item.key.assertString("input name");
    const inputMapping = item.value.assertMapping("input configuration");
    result[inputName.value] = convertWorkflowInput(context, inputMapping);
  }
  return result;
}
function convertWorkflowInput(context, token) {
  const result = {
    type: InputType.string
    // Default to string
  };
  let defaultValue;
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "description":
        result.description = item.value.assertString("input description").value;
        break;
      case "required":
        result.required = item.value.assertBoolean("input required").value;
        break;
      case "default":
        defaultValue = item.value.assertScalar("input default");
        break;
      case "type":
        result.type = InputType[item.value.assertString("input type").value];
        break;
      case "options":
        result.options = convertStringList("input options", item.value.assertSequence("input options"));
        break;
      default:
        context.error(item.key, `Invalid key '${key.value}'`);
    }
  }
  if (defaultValue !== void 0 && !defaultValue.isExpression) {
    try {
      switch (result.type) {
        case InputType.boolean:
          result.default = defaultValue.assertBoolean("input default").value;
          break;
        case InputType.string:
        case InputType.choice:
        case InputType.environment:
          result.default = defaultValue.assertString("input default").value;
          break;
      }
    } catch (e) {
      context.error(defaultValue, e);
    }
  }
  if (result.type === InputType.choice) {
    if (result.options === void 0 || result.options.length === 0) {
      context.error(token, "Missing 'options' for choice input");
    }
  } else {
    if (result.options !== void 0) {
      context.error(token, "Input type is not 'choice', but 'options' is defined");
    }
  }
  return result;
}
function convertWorkflowCallSecrets(context, token) {
  const result = {};
  for (const item of token) {
    const secretName = item.key.assertString("secret name");
    result[secretName.value] = convertWorkflowCallSecret(context, item.value);
  }
  return result;
}
function convertWorkflowCallSecret(context, token) {
  const result = {};
  if (isMapping(token)) {
    for (const item of token) {
      const key = item.key.assertString("workflow call secret key");
      switch (key.value) {
        case "description":
          result.description = item.value.assertString("secret description").value;
          break;
        case "required":
          result.required = item.value.assertBoolean("secret required").value;
          break;
      }
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/workflow-dispatch.js
function convertEventWorkflowDispatchInputs(context, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "inputs":
        result.inputs = convertWorkflowDispatchInputs(context, item.value.assertMapping("workflow dispatch inputs"));
        break;
    }
  }
  return result;
}
function convertWorkflowDispatchInputs(context, token) {
  const result = {};
  for (const item of token) {
    const inputName = item.key.assertString("input name");
    const inputMapping = item.value.assertMapping("input configuration");
    result[inputName.value] = convertWorkflowDispatchInput(context, inputMapping);
  }
  return result;
}
function convertWorkflowDispatchInput(context, token) {
  const result = {
    type: InputType.string
    // Default to string
  };
  let defaultValue;
  for (const item of token) {
    const key = item.key.assertString("workflow dispatch input key");
    switch (key.value) {
      case "description":
        result.description = item.value.assertString("input description").value;
        break;
      case "required":
        result.required = item.value.assertBoolean("input required").value;
        break;
      case "default":
        defaultValue = item.value.assertScalar("input default");
        break;
      case "type":
        result.type = InputType[item.value.assertString("input type").value];
        break;
      case "options":
        result.options = convertStringList("input options", item.value.assertSequence("input options"));
        break;
      default:
        context.error(item.key, `Invalid key '${key.value}'`);
    }
  }
  if (defaultValue !== void 0) {
    try {
      switch (result.type) {
        case InputType.boolean:
          result.default = defaultValue.assertBoolean("input default").value;
          break;
        case InputType.string:
        case InputType.choice:
        case InputType.environment:
          result.default = defaultValue.assertString("input default").value;
          break;
      }
    } catch (e) {
      context.error(defaultValue, e);
    }
  }
  if (result.type === InputType.choice) {
    if (result.options === void 0 || result.options.length === 0) {
      context.error(token, "Missing 'options' for choice input");
    }
  } else {
    if (result.options !== void 0) {
      context.error(token, "Input type is not 'choice', but 'options' is defined");
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/events.js
function convertOn(context, token) {
  if (isLiteral(token)) {
    const event = token.assertString("on");
    return {
      [event.value]: {}
    };
  }
  if (isSequence(token)) {
    const result = {};
    for (const item of token) {
      const event = item.assertString("on");
      result[event.value] = {};
    }
    return result;
  }
  if (isMapping(token)) {
    const result = {};
    for (const item of token) {
      const eventKey = item.key.assertString("event name");
      const eventName = eventKey.value;
      if (item.value.templateTokenType === TokenType2.Null) {
        result[eventName] = {};
        continue;
      }
      if (eventName === "schedule") {
        const scheduleToken = item.value.assertSequence(`event ${eventName}`);
        result.schedule = convertSchedule(context, scheduleToken);
        continue;
      }
      const eventToken = item.value.assertMapping(`event ${eventName}`);
      if (eventName === "workflow_call") {
        result.workflow_call = convertEventWorkflowCall(context, eventToken);
        continue;
      }
      if (eventName === "workflow_dispatch") {
        result.workflow_dispatch = convertEventWorkflowDispatchInputs(context, eventToken);
        continue;
      }
      result[eventName] = {
        ...convertPatternFilter("branches", eventToken),
        ...convertPatternFilter("tags", eventToken),
        ...convertPatternFilter("paths", eventToken),
        ...convertFilter("types", eventToken),
        ...convertFilter("versions", eventToken),
        ...convertFilter("names", eventToken),
        ...convertFilter("workflows", eventToken)
      };
    }
    return result;
  }
  context.error(token, "Invalid format for 'on'");
  return {};
}
function convertPatternFilter(name, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString(`${name} filter key`);
    switch (key.value) {
      case name:
        if (isString(item.value)) {
          result[name] = [item.value.value];
        } else {
          result[name] = convertStringList(name, item.value.assertSequence(`${name} list`));
        }
        break;
      case `${name}-ignore`:
        if (isString(item.value)) {
          result[`${name}-ignore`] = [item.value.value];
        } else {
          result[`${name}-ignore`] = convertStringList(`${name}-ignore`, item.value.assertSequence(`${name}-ignore list`));
        }
        break;
    }
  }
  return result;
}
function convertFilter(name, token) {
  const result = {};
  for (const item of token) {
    const key = item.key.assertString(`${name} filter key`);
    switch (key.value) {
      case name:
        if (isString(item.value)) {
          result[name] = [item.value.value];
        } else {
          result[name] = convertStringList(name, item.value.assertSequence(`${name} list`));
        }
        break;
    }
  }
  return result;
}
function convertSchedule(context, token) {
  const result = [];
  for (const item of token) {
    const mappingToken = item.assertMapping(`event schedule`);
    const config = { cron: "" };
    let valid = true;
    for (const entry of mappingToken) {
      const key = entry.key.assertString(`schedule key`);
      if (key.value === "cron") {
        const cron = entry.value.assertString(`schedule cron`);
        if (!isValidCron(cron.value)) {
          context.error(cron, "Invalid cron expression. Expected format: '* * * * *' (minute hour day month weekday)");
        }
        config.cron = cron.value;
      } else if (key.value === "timezone") {
        const timezone = entry.value.assertString(`schedule timezone`);
        config.timezone = timezone.value;
      } else {
        context.error(key, `Invalid schedule key`);
        valid = false;
      }
    }
    if (valid && config.cron) {
      result.push(config);
    } else if (valid && !config.cron) {
      context.error(mappingToken, "Missing required key 'cron' in schedule entry");
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/handle-errors.js
function handleTemplateTokenErrors(root, context, defaultValue, f) {
  let r = defaultValue;
  try {
    r = f();
  } catch (err) {
    if (err instanceof TemplateTokenError) {
      context.error(err.token, err);
    } else {
      context.error(root, err);
    }
  }
  return r;
}

// node_modules/@actions/workflow-parser/dist/model/converter/if-condition.js
function ensureStatusFunction(condition, definitionInfo) {
  const allowedContext = definitionInfo?.allowedContext || [];
  try {
    const { namedContexts, functions } = splitAllowedContext(allowedContext);
    const lexer = new Lexer(condition);
    const result = lexer.lex();
    const parser = new Parser(result.tokens, namedContexts, functions);
    const tree = parser.parse();
    if (walkTreeToFindStatusFunctionCalls(tree)) {
      return condition;
    }
    return `success() && (${condition})`;
  } catch {
    return condition;
  }
}
function convertToIfCondition(context, token) {
  const scalar = token.assertScalar("if condition");
  const allowedContext = token.definitionInfo?.allowedContext || [];
  let condition;
  let source;
  if (scalar instanceof BasicExpressionToken) {
    condition = scalar.expression;
    source = scalar.source;
  } else {
    const stringToken = scalar.assertString("if condition");
    condition = stringToken.value.trim();
    source = stringToken.source;
  }
  let finalCondition;
  if (!condition) {
    finalCondition = "success()";
  } else {
    finalCondition = ensureStatusFunction(condition, token.definitionInfo);
  }
  try {
    ExpressionToken.validateExpression(finalCondition, allowedContext);
  } catch (err) {
    context.error(token, err);
    return void 0;
  }
  return new BasicExpressionToken(token.file, token.range, finalCondition, token.definitionInfo, void 0, source);
}
function walkTreeToFindStatusFunctionCalls(tree) {
  if (!tree) {
    return false;
  }
  if (tree instanceof FunctionCall) {
    const funcName = tree.functionName.lexeme.toLowerCase();
    if (funcName === "success" || funcName === "failure" || funcName === "cancelled" || funcName === "always") {
      return true;
    }
    return tree.args.some((arg) => walkTreeToFindStatusFunctionCalls(arg));
  }
  if (tree instanceof Binary) {
    return walkTreeToFindStatusFunctionCalls(tree.left) || walkTreeToFindStatusFunctionCalls(tree.right);
  }
  if (tree instanceof Unary) {
    return walkTreeToFindStatusFunctionCalls(tree.expr);
  }
  if (tree instanceof Logical) {
    return tree.args.some((arg) => walkTreeToFindStatusFunctionCalls(arg));
  }
  if (tree instanceof Grouping) {
    return walkTreeToFindStatusFunctionCalls(tree.group);
  }
  if (tree instanceof IndexAccess) {
    return walkTreeToFindStatusFunctionCalls(tree.expr) || walkTreeToFindStatusFunctionCalls(tree.index);
  }
  return false;
}

// node_modules/@actions/workflow-parser/dist/model/converter/container.js
function convertToJobContainer(context, container) {
  let image;
  let env;
  let ports;
  let volumes;
  let options;
  for (const [, token] of TemplateToken.traverse(container)) {
    if (token.isExpression) {
      return;
    }
  }
  if (isString(container)) {
    image = container.assertString("container item");
    return { image };
  }
  const mapping = container.assertMapping("container item");
  if (mapping)
    for (const item of mapping) {
      const key = item.key.assertString("container item key");
      const value = item.value;
      switch (key.value) {
        case "image":
          image = value.assertString("container image");
          break;
        case "credentials":
          convertToJobCredentials(context, value);
          break;
        case "env":
          env = value.assertMapping("container env");
          for (const envItem of env) {
            envItem.key.assertString("container env value");
          }
          break;
        case "ports":
          ports = value.assertSequence("container ports");
          for (const port of ports) {
            port.assertString("container port");
          }
          break;
        case "volumes":
          volumes = value.assertSequence("container volumes");
          for (const volume of volumes) {
            volume.assertString("container volume");
          }
          break;
        case "options":
          options = value.assertString("container options");
          break;
        default:
          context.error(key, `Unexpected container item key: ${key.value}`);
      }
    }
  if (!image) {
    context.error(container, "Container image cannot be empty");
  } else {
    return { image, env, ports, volumes, options };
  }
}
function convertToServiceContainer(context, container) {
  let image;
  let env;
  let ports;
  let volumes;
  let options;
  let entrypoint;
  let command;
  for (const [, token] of TemplateToken.traverse(container)) {
    if (token.isExpression) {
      return;
    }
  }
  if (isString(container)) {
    image = container.assertString("container item");
    return { image };
  }
  const mapping = container.assertMapping("container item");
  if (mapping)
    for (const item of mapping) {
      const key = item.key.assertString("container item key");
      const value = item.value;
      switch (key.value) {
        case "image":
          image = value.assertString("container image");
          break;
        case "credentials":
          convertToJobCredentials(context, value);
          break;
        case "env":
          env = value.assertMapping("container env");
          for (const envItem of env) {
            envItem.key.assertString("container env value");
          }
          break;
        case "ports":
          ports = value.assertSequence("container ports");
          for (const port of ports) {
            port.assertString("container port");
          }
          break;
        case "volumes":
          volumes = value.assertSequence("container volumes");
          for (const volume of volumes) {
            volume.assertString("container volume");
          }
          break;
        case "options":
          options = value.assertString("container options");
          break;
        case "entrypoint":
          entrypoint = value.assertString("container entrypoint");
          break;
        case "command":
          command = value.assertString("container command");
          break;
        default:
          context.error(key, `Unexpected container item key: ${key.value}`);
      }
    }
  if (!image) {
    context.error(container, "Container image cannot be empty");
  } else {
    return { image, env, ports, volumes, options, entrypoint, command };
  }
}
function convertToJobServices(context, services) {
  const serviceList = [];
  const mapping = services.assertMapping("services");
  for (const service of mapping) {
    service.key.assertString("service key");
    const container = convertToServiceContainer(context, service.value);
    if (container) {
      serviceList.push(container);
    }
  }
  return serviceList;
}
function convertToJobCredentials(context, value) {
  const mapping = value.assertMapping("credentials");
  let username;
  let password;
  for (const item of mapping) {
    const key = item.key.assertString("credentials item");
    const value2 = item.value;
    switch (key.value) {
      case "username":
        username = value2.assertString("credentials username");
        break;
      case "password":
        password = value2.assertString("credentials password");
        break;
      default:
        context.error(key, `credentials key ${key.value}`);
    }
  }
  return { username, password };
}

// node_modules/@actions/workflow-parser/dist/model/converter/id-builder.js
var SEPARATOR = "_";
var MAX_ATTEMPTS = 1e3;
var MAX_LENGTH = 100;
var IdBuilder = class {
  constructor() {
    this.name = [];
    this.distinctNames = /* @__PURE__ */ new Set();
  }
  appendSegment(value) {
    if (value.length === 0) {
      return;
    }
    if (this.name.length == 0) {
      const first = value[0];
      if (this.isAlpha(first) || first == "_") {
      } else if (this.isNumeric(first) || first == "-") {
        this.name.push("_");
      } else {
      }
    } else {
      this.name.push(SEPARATOR);
    }
    for (const c of value) {
      {
        if (this.isAlphaNumeric(c) || c == "_" || c == "-") {
          this.name.push(c);
        } else {
          this.name.push(SEPARATOR);
        }
      }
    }
  }
  build() {
    const original = this.name.length > 0 ? this.name.join("") : "job";
    let suffix = "";
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt === 1) {
        suffix = "";
      } else {
        suffix = `_${attempt}`;
      }
      const candidate = original.substring(0, Math.min(original.length, MAX_LENGTH - suffix.length)) + suffix;
      if (!this.distinctNames.has(candidate)) {
        this.distinctNames.add(candidate);
        this.name = [];
        return candidate;
      }
    }
    throw new Error("Unable to create a unique name");
  }
  /**
   * Adds a known identifier to the set of distinct ids.
   * @param value The value to add
   * @returns An error if the value is invalid, otherwise undefined
   */
  tryAddKnownId(value) {
    if (!value || !this.isValid(value) || value.length >= MAX_LENGTH) {
      return `The identifier '${value}' is invalid. IDs may only contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_' and and must be less than ${MAX_LENGTH} characters.`;
    }
    if (value.startsWith(SEPARATOR + SEPARATOR)) {
      return `The identifier '${value}' is invalid. IDs starting with '__' are reserved.`;
    }
    if (this.distinctNames.has(value)) {
      return `The identifier '${value}' may not be used more than once within the same scope.`;
    }
    this.distinctNames.add(value);
    return;
  }
  /**
   * A name is valid if it starts with a letter or underscore, and contains only
   * letters, numbers, underscores, and hyphens.
   * @param name The string name to validate
   * @returns Whether the name is valid
   */
  isValid(name) {
    let first = true;
    for (const c of name) {
      if (first) {
        first = false;
        if (!this.isAlpha(c) && c != "_") {
          return false;
        }
        continue;
      }
      if (!this.isAlphaNumeric(c) && c != "_" && c != "-") {
        return false;
      }
    }
    return true;
  }
  isAlphaNumeric(c) {
    return this.isAlpha(c) || this.isNumeric(c);
  }
  isNumeric(c) {
    return c >= "0" && c <= "9";
  }
  isAlpha(c) {
    return c >= "a" && c <= "z" || c >= "A" && c <= "Z";
  }
};

// node_modules/@actions/workflow-parser/dist/model/converter/job/environment.js
function convertToActionsEnvironmentRef(context, token) {
  const result = {};
  if (token.isExpression) {
    return result;
  }
  if (isScalar(token)) {
    result.name = token;
    return result;
  }
  const environmentMapping = token.assertMapping("job environment");
  for (const property of environmentMapping) {
    const propertyName = property.key.assertString("job environment key");
    if (property.key.isExpression || property.value.isExpression) {
      continue;
    }
    switch (propertyName.value) {
      case "name":
        result.name = property.value.assertScalar("job environment name key");
        break;
      case "url":
        result.url = property.value;
        break;
      case "deployment": {
        const deploymentValue = property.value.assertBoolean("job environment deployment");
        if (deploymentValue.value === false) {
          result.skipDeployment = true;
        }
        break;
      }
    }
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/runs-on.js
function convertRunsOn(context, token) {
  const labels = convertRunsOnLabels(token);
  if (!isMapping(token)) {
    return {
      labels,
      group: ""
    };
  }
  let group = "";
  for (const item of token) {
    const key = item.key.assertString("job runs-on property name");
    switch (key.value) {
      case "group": {
        if (item.value.isExpression) {
          continue;
        }
        const groupName = item.value.assertString("job runs-on group name").value;
        const names = groupName.split("/");
        switch (names.length) {
          case 1: {
            group = groupName;
            break;
          }
          case 2: {
            if (!["org", "organization", "ent", "enterprise"].includes(names[0])) {
              context.error(item.value, `Invalid runs-on group name '${groupName}. Please use 'organization/' or 'enterprise/' prefix to target a single runner group.'`);
              continue;
            }
            if (!names[1]) {
              context.error(item.value, `Invalid runs-on group name '${groupName}'.`);
              continue;
            }
            group = groupName;
            break;
          }
          default: {
            context.error(item.value, `Invalid runs-on group name '${groupName}. Please use 'organization/' or 'enterprise/' prefix to target a single runner group.'`);
            break;
          }
        }
        break;
      }
      case "labels": {
        const mapLabels = convertRunsOnLabels(item.value);
        for (const label of mapLabels) {
          labels.add(label);
        }
        break;
      }
    }
  }
  return {
    labels,
    group
  };
}
function convertRunsOnLabels(token) {
  const labels = /* @__PURE__ */ new Set();
  if (token.isExpression) {
    return labels;
  }
  if (isString(token)) {
    labels.add(token.value);
    return labels;
  }
  if (isSequence(token)) {
    for (const item of token) {
      if (item.isExpression) {
        continue;
      }
      const label = item.assertString("job runs-on label sequence item");
      labels.add(label.value);
    }
  }
  return labels;
}

// node_modules/@actions/workflow-parser/dist/model/type-guards.js
function isActionStep(step) {
  return step.uses !== void 0;
}
function isReusableWorkflowJob(job) {
  return job.type === "reusableWorkflowJob";
}

// node_modules/@actions/workflow-parser/dist/model/converter/steps.js
function convertSteps(context, steps) {
  if (!isSequence(steps)) {
    context.error(steps, "Invalid format for steps");
    return [];
  }
  const idBuilder = new IdBuilder();
  const knownStepIds = /* @__PURE__ */ new Set();
  const result = [];
  for (const item of steps) {
    const step = handleTemplateTokenErrors(steps, context, void 0, () => convertStep(context, idBuilder, knownStepIds, item));
    if (step) {
      result.push(step);
    }
  }
  for (const step of result) {
    if (step.id) {
      continue;
    }
    let id = "";
    if (isActionStep(step)) {
      id = createActionStepId(step);
    } else if ("wait" in step) {
      id = "wait";
    } else if ("wait-all" in step) {
      id = "wait-all";
    } else if ("cancel" in step) {
      id = "cancel";
    } else if ("parallel" in step) {
      id = "parallel";
    }
    if (!id) {
      id = "run";
    }
    idBuilder.appendSegment(`__${id}`);
    step.id = idBuilder.build();
  }
  return result;
}
function convertStep(context, idBuilder, knownStepIds, step) {
  const mapping = step.assertMapping("steps item");
  let run;
  let id;
  let name;
  let uses;
  let background;
  let wait;
  let waitAll;
  let cancel;
  let parallel;
  let continueOnError;
  let env;
  let ifCondition;
  for (const item of mapping) {
    const key = item.key.assertString("steps item key");
    switch (key.value) {
      case "id":
        id = item.value.assertString("steps item id");
        if (id) {
          const error = idBuilder.tryAddKnownId(id.value);
          if (error) {
            context.error(id, error);
          } else {
            knownStepIds.add(id.value);
          }
        }
        break;
      case "name":
        name = item.value.assertScalar("steps item name");
        break;
      case "run":
        run = item.value.assertScalar("steps item run");
        break;
      case "uses":
        uses = item.value.assertString("steps item uses");
        break;
      case "background":
        background = item.value.assertBoolean("steps item background").value;
        break;
      case "wait":
        wait = convertWaitTargets(context, knownStepIds, item.value, id);
        break;
      case "wait-all":
        waitAll = convertWaitAllValue(context, item.value);
        break;
      case "cancel":
        cancel = item.value.assertString("steps item cancel");
        validateTargetStepId(context, knownStepIds, cancel, id);
        break;
      case "parallel":
        parallel = item.value;
        break;
      case "env":
        env = item.value.assertMapping("step env");
        break;
      case "if":
        ifCondition = convertToIfCondition(context, item.value);
        break;
      case "continue-on-error":
        if (!item.value.isExpression) {
          continueOnError = item.value.assertBoolean("steps item continue-on-error").value;
        } else {
          continueOnError = item.value.assertScalar("steps item continue-on-error");
        }
    }
  }
  if (run) {
    return {
      id: id?.value || "",
      name,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      "continue-on-error": continueOnError,
      env,
      run,
      background
    };
  }
  if (uses) {
    return {
      id: id?.value || "",
      name,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      "continue-on-error": continueOnError,
      env,
      uses,
      background
    };
  }
  if (wait) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Wait"),
      "continue-on-error": continueOnError,
      wait
    };
  }
  if (waitAll !== void 0) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Wait for all"),
      "continue-on-error": continueOnError,
      "wait-all": waitAll
    };
  }
  if (cancel) {
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Cancel"),
      "continue-on-error": continueOnError,
      cancel
    };
  }
  if (parallel) {
    const parallelSteps = convertSteps(context, parallel);
    for (const ps of parallelSteps) {
      if ("background" in ps && ps.background !== void 0) {
        context.error(step, "'background' is not allowed inside a parallel block. Steps in a parallel block are automatically run as background steps.");
      }
      if ("wait" in ps) {
        context.error(step, "'wait' is not allowed inside a parallel block.");
      }
      if ("wait-all" in ps) {
        context.error(step, "'wait-all' is not allowed inside a parallel block.");
      }
      if ("cancel" in ps) {
        context.error(step, "'cancel' is not allowed inside a parallel block.");
      }
      if ("parallel" in ps) {
        context.error(step, "Nested 'parallel' blocks are not allowed.");
      }
    }
    return {
      id: id?.value || "",
      name: name || createSyntheticStepName("Parallel group"),
      parallel: parallelSteps
    };
  }
  context.error(step, context.state.featureFlags?.isEnabled("allowBackgroundSteps") ? "Expected one of uses, run, wait, wait-all, cancel, or parallel to be defined" : "Expected one of uses or run to be defined");
}
function createActionStepId(step) {
  const uses = step.uses.value;
  if (uses.startsWith("docker://")) {
    return uses.substring("docker://".length);
  }
  if (uses.startsWith("./") || uses.startsWith(".\\")) {
    return "self";
  }
  if (uses.startsWith("$/")) {
    return "self";
  }
  const segments = uses.split("@");
  if (segments.length != 2) {
    return "";
  }
  const pathSegments = segments[0].split(/[\\/]/).filter((s) => s.length > 0);
  const gitRef = segments[1];
  if (pathSegments.length >= 2 && pathSegments[0] && pathSegments[1] && gitRef) {
    return `${pathSegments[0]}/${pathSegments[1]}`;
  }
  return "";
}
function createSyntheticStepName(value) {
  return new StringToken(void 0, void 0, value, void 0, void 0, void 0);
}
function convertWaitTargets(context, knownStepIds, token, ownStepId) {
  if (token instanceof StringToken) {
    validateTargetStepId(context, knownStepIds, token, ownStepId);
    return [token];
  }
  const sequence = token.assertSequence("steps item wait");
  const targets = [];
  for (let i = 0; i < sequence.count; i++) {
    const target = sequence.get(i).assertString("steps item wait item");
    validateTargetStepId(context, knownStepIds, target, ownStepId);
    targets.push(target);
  }
  return targets;
}
function convertWaitAllValue(context, token) {
  if (token instanceof NullToken) {
    return true;
  }
  const value = token.assertBoolean("steps item wait-all").value;
  if (!value) {
    context.error(token, "The value of 'wait-all' must be true or omitted");
  }
  return true;
}
function validateTargetStepId(context, knownStepIds, target, ownStepId) {
  if (target.value.startsWith("__")) {
    context.error(target, `The identifier '${target.value}' is invalid. IDs starting with '__' are reserved.`);
  } else if (ownStepId && target.value.toLowerCase() === ownStepId.value.toLowerCase()) {
    context.error(target, `Step '${ownStepId.value}' cannot reference itself`);
  } else if (!knownStepIds.has(target.value)) {
    context.error(target, `Step references unknown step ID '${target.value}'`);
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/job.js
function convertJob(context, jobKey, token) {
  const error = new IdBuilder().tryAddKnownId(jobKey.value);
  if (error) {
    context.error(jobKey, error);
  }
  let concurrency, container, env, environment, ifCondition, name, outputs, runsOn, services, strategy, snapshot;
  let needs = void 0;
  let steps = [];
  let workflowJobRef;
  let workflowJobInputs;
  let inheritSecrets = false;
  let workflowJobSecrets;
  for (const item of token) {
    const propertyName = item.key.assertString("job property name");
    switch (propertyName.value) {
      case "concurrency":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertConcurrency(context, item.value));
        concurrency = item.value;
        break;
      case "container":
        convertToJobContainer(context, item.value);
        container = item.value;
        break;
      case "env":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          env = item.value.assertMapping("job env");
        });
        break;
      case "environment":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertToActionsEnvironmentRef(context, item.value));
        environment = item.value;
        break;
      case "if":
        ifCondition = convertToIfCondition(context, item.value);
        break;
      case "name":
        name = item.value.assertScalar("job name");
        break;
      case "needs": {
        needs = [];
        if (isString(item.value)) {
          const jobNeeds = item.value.assertString("job needs id");
          needs.push(jobNeeds);
        }
        if (isSequence(item.value)) {
          for (const seqItem of item.value) {
            const jobNeeds = seqItem.assertString("job needs id");
            needs.push(jobNeeds);
          }
        }
        break;
      }
      case "outputs":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          outputs = item.value.assertMapping("job outputs");
        });
        break;
      case "runs-on":
        handleTemplateTokenErrors(item.value, context, void 0, () => convertRunsOn(context, item.value));
        runsOn = item.value;
        break;
      case "services":
        convertToJobServices(context, item.value);
        services = item.value;
        break;
      case "snapshot":
        snapshot = item.value;
        break;
      case "steps":
        steps = convertSteps(context, item.value);
        break;
      case "strategy":
        strategy = item.value;
        break;
      case "uses":
        workflowJobRef = item.value.assertString("job uses value");
        break;
      case "with":
        handleTemplateTokenErrors(item.value, context, void 0, () => {
          workflowJobInputs = item.value.assertMapping("uses-with value");
        });
        break;
      case "secrets":
        if (isString(item.value) && item.value.value === "inherit") {
          inheritSecrets = true;
        } else {
          handleTemplateTokenErrors(item.value, context, void 0, () => {
            workflowJobSecrets = item.value.assertMapping("uses-secrets value");
          });
        }
        break;
    }
  }
  if (workflowJobRef !== void 0) {
    return {
      type: "reusableWorkflowJob",
      id: jobKey,
      name: jobName(name, jobKey),
      needs: needs || [],
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      ref: workflowJobRef,
      "input-definitions": void 0,
      "input-values": workflowJobInputs,
      "secret-definitions": void 0,
      "secret-values": workflowJobSecrets,
      "inherit-secrets": inheritSecrets || void 0,
      outputs: void 0,
      concurrency,
      strategy
    };
  } else {
    return {
      type: "job",
      id: jobKey,
      name: jobName(name, jobKey),
      needs,
      if: ifCondition || new BasicExpressionToken(void 0, void 0, "success()", void 0, void 0, void 0),
      env,
      concurrency,
      environment,
      strategy,
      "runs-on": runsOn,
      container,
      services,
      outputs,
      steps,
      snapshot
    };
  }
}
function jobName(name, jobKey) {
  if (name === void 0) {
    return jobKey;
  }
  if (isString(name) && name.value === "") {
    return jobKey;
  }
  return name;
}

// node_modules/@actions/workflow-parser/dist/model/converter/jobs.js
function convertJobs(context, token) {
  if (isMapping(token)) {
    const result = [];
    const jobsWithSatisfiedNeeds = [];
    const alljobsWithUnsatisfiedNeeds = [];
    for (const item of token) {
      const jobKey = item.key.assertString("job name");
      const jobDef = item.value.assertMapping(`job ${jobKey.value}`);
      const job = handleTemplateTokenErrors(token, context, void 0, () => convertJob(context, jobKey, jobDef));
      if (job) {
        result.push(job);
        const node = {
          name: job.id.value,
          needs: Object.assign([], job.needs)
        };
        if (node.needs.length > 0) {
          alljobsWithUnsatisfiedNeeds.push(node);
        } else {
          jobsWithSatisfiedNeeds.push(node);
        }
      }
    }
    validateNeeds(token, context, result, jobsWithSatisfiedNeeds, alljobsWithUnsatisfiedNeeds);
    return result;
  }
  context.error(token, "Invalid format for jobs");
  return [];
}
function validateNeeds(token, context, result, jobsWithSatisfiedNeeds, alljobsWithUnsatisfiedNeeds) {
  if (jobsWithSatisfiedNeeds.length == 0) {
    context.error(token, "The workflow must contain at least one job with no dependencies.");
    return;
  }
  while (jobsWithSatisfiedNeeds.length > 0) {
    const currentJob = jobsWithSatisfiedNeeds.shift();
    if (currentJob == void 0) {
      break;
    }
    for (let i = alljobsWithUnsatisfiedNeeds.length - 1; i >= 0; i--) {
      const unsatisfiedJob = alljobsWithUnsatisfiedNeeds[i];
      for (let j = unsatisfiedJob.needs.length - 1; j >= 0; j--) {
        const need = unsatisfiedJob.needs[j];
        if (need.value == currentJob.name) {
          unsatisfiedJob.needs.splice(j, 1);
          if (unsatisfiedJob.needs.length == 0) {
            jobsWithSatisfiedNeeds.push(unsatisfiedJob);
            alljobsWithUnsatisfiedNeeds.splice(i, 1);
          }
        }
      }
    }
  }
  if (alljobsWithUnsatisfiedNeeds.length > 0) {
    const jobNames = result.map((x) => x.id.value);
    for (const unsatisfiedJob of alljobsWithUnsatisfiedNeeds) {
      for (const need of unsatisfiedJob.needs) {
        if (jobNames.includes(need.value)) {
          context.error(need, `Job '${unsatisfiedJob.name}' depends on job '${need.value}' which creates a cycle in the dependency graph.`);
        } else {
          context.error(need, `Job '${unsatisfiedJob.name}' depends on unknown job '${need.value}'.`);
        }
      }
    }
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/inputs.js
function convertWorkflowJobInputs(context, job) {
  const inputDefinitions = createTokenMap(job["input-definitions"]?.assertMapping("workflow job input definitions"), "inputs");
  const inputValues = createTokenMap(job["input-values"]?.assertMapping("workflow job input values"), "with");
  if (inputDefinitions !== void 0) {
    for (const [, [name, value]] of inputDefinitions) {
      const inputSpec = createTokenMap(value.assertMapping(`input ${name}`), `input ${name} key`);
      const inputTypeToken = inputSpec?.get("type")?.[1];
      if (!inputTypeToken) {
        continue;
      }
      const inputSet = inputValues !== void 0 && inputValues.has(name.toLowerCase());
      const required = inputSpec.get("required")?.[1].assertBoolean(`input ${name} required`).value;
      if (required && !inputSet) {
        context.error(job.ref, `Input ${name} is required, but not provided while calling.`);
      }
    }
  }
  if (inputValues !== void 0) {
    for (const [, [name, value]] of inputValues) {
      if (!inputDefinitions?.has(name.toLowerCase())) {
        context.error(value, `Invalid input, ${name} is not defined in the referenced workflow.`);
      }
    }
  }
}
function createTokenMap(mapping, description) {
  if (!mapping) {
    return void 0;
  }
  const result = /* @__PURE__ */ new Map();
  for (const item of mapping) {
    const name = item.key.assertString(`${description} key`);
    result.set(name.value.toLowerCase(), [name.value, item.value]);
  }
  return result;
}

// node_modules/@actions/workflow-parser/dist/model/converter/job/secrets.js
function convertWorkflowJobSecrets(context, job) {
  if (job["inherit-secrets"]) {
    return;
  }
  const secretDefinitions = createTokenMap(job["secret-definitions"]?.assertMapping("workflow job secret definitions"), "secrets");
  const secretValues = createTokenMap(job["secret-values"]?.assertMapping("workflow job secret values"), "secrets");
  if (secretDefinitions !== void 0) {
    for (const [, [name, value]] of secretDefinitions) {
      if (value instanceof NullToken) {
        continue;
      }
      const secretSpec = createTokenMap(value.assertMapping(`secret ${name}`), `secret ${name} key`);
      const required = secretSpec?.get("required")?.[1].assertBoolean(`secret ${name} required`).value;
      if (required) {
        if (secretValues == void 0 || !secretValues.has(name.toLowerCase())) {
          context.error(job.ref, `Secret ${name} is required, but not provided while calling.`);
        }
      }
    }
  }
  if (secretValues !== void 0) {
    for (const [, [name, value]] of secretValues) {
      if (!secretDefinitions?.has(name.toLowerCase())) {
        context.error(value, `Invalid secret, ${name} is not defined in the referenced workflow.`);
      }
    }
  }
}

// node_modules/@actions/workflow-parser/dist/model/converter/referencedWorkflow.js
function convertReferencedWorkflow(context, referencedWorkflow, job) {
  const mapping = referencedWorkflow.assertMapping("root");
  const tokenForErrors = job.ref;
  for (const pair of mapping) {
    const key = pair.key.assertString("root key");
    switch (key.value) {
      case "on": {
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertReferencedWorkflowOn(context, pair.value, job));
        break;
      }
      case "jobs": {
        job.jobs = handleTemplateTokenErrors(tokenForErrors, context, [], () => convertJobs(context, pair.value));
        break;
      }
    }
  }
}
function convertReferencedWorkflowOn(context, on, job) {
  const tokenForErrors = job.ref;
  switch (on.templateTokenType) {
    case TokenType2.String: {
      const event = on.assertString("Reference workflow on value").value;
      if (event === "workflow_call") {
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
        return;
      }
      break;
    }
    case TokenType2.Sequence: {
      const events = on.assertSequence("Reference workflow on value");
      for (const eventToken of events) {
        const event = eventToken.assertString(`Reference workflow on value ${eventToken}`).value;
        if (event === "workflow_call") {
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
          return;
        }
      }
      break;
    }
    case TokenType2.Mapping: {
      const eventMapping = on.assertMapping("Reference workflow on value");
      for (const pair of eventMapping) {
        const event = pair.key.assertString(`Reference workflow on value ${pair.key}`).value;
        if (event !== "workflow_call") {
          continue;
        }
        if (pair.value.templateTokenType === TokenType2.Null) {
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
          handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
          return;
        }
        const definitions = pair.value.assertMapping(`Reference workflow on value ${pair.key}`);
        for (const definition of definitions) {
          const definitionKey = definition.key.assertString(`on-workflow_call-${definition.key}`).value;
          switch (definitionKey) {
            case "inputs":
              job["input-definitions"] = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
            case "outputs":
              job.outputs = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
            case "secrets":
              job["secret-definitions"] = definition.value.assertMapping(`on-workflow_call-${definition.key}`);
              break;
          }
        }
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobInputs(context, job));
        handleTemplateTokenErrors(tokenForErrors, context, void 0, () => convertWorkflowJobSecrets(context, job));
        return;
      }
      break;
    }
  }
  context.error(tokenForErrors, "workflow_call key is not defined in the referenced workflow.");
}

// node_modules/@actions/workflow-parser/dist/model/convert.js
var ErrorPolicy;
(function(ErrorPolicy2) {
  ErrorPolicy2[ErrorPolicy2["ReturnErrorsOnly"] = 0] = "ReturnErrorsOnly";
  ErrorPolicy2[ErrorPolicy2["TryConversion"] = 1] = "TryConversion";
})(ErrorPolicy || (ErrorPolicy = {}));
var defaultOptions = {
  maxReusableWorkflowDepth: 4,
  fetchReusableWorkflowDepth: 0,
  errorPolicy: ErrorPolicy.ReturnErrorsOnly,
  featureFlags: new FeatureFlags()
};
async function convertWorkflowTemplate(context, root, fileProvider, options = defaultOptions) {
  const result = {};
  const opts = getOptionsWithDefaults(options);
  context.state.featureFlags = opts.featureFlags;
  if (context.errors.getErrors().length > 0 && opts.errorPolicy === ErrorPolicy.ReturnErrorsOnly) {
    result.errors = context.errors.getErrors().map((x) => ({
      Message: x.message
    }));
    return result;
  }
  if (fileProvider === void 0 && opts.fetchReusableWorkflowDepth > 0) {
    context.error(root, new Error("A file provider is required to fetch reusable workflows"));
  }
  try {
    const rootMapping = root.assertMapping("root");
    for (const item of rootMapping) {
      const key = item.key.assertString("root key");
      switch (key.value) {
        case "on":
          result.events = handleTemplateTokenErrors(root, context, {}, () => convertOn(context, item.value));
          break;
        case "jobs":
          result.jobs = handleTemplateTokenErrors(root, context, [], () => convertJobs(context, item.value));
          break;
        case "concurrency":
          handleTemplateTokenErrors(root, context, {}, () => convertConcurrency(context, item.value));
          result.concurrency = item.value;
          break;
        case "env":
          result.env = item.value;
          break;
      }
    }
    for (const job of result.jobs || []) {
      if (isReusableWorkflowJob(job)) {
        if (opts.maxReusableWorkflowDepth === 0) {
          context.error(job.ref, new Error("Reusable workflows are not allowed"));
          continue;
        }
        if (opts.fetchReusableWorkflowDepth === 0 || fileProvider === void 0) {
          continue;
        }
        try {
          const file = await fileProvider.getFileContent(parseFileReference(job.ref.value));
          const workflow = parseWorkflow(file, context);
          if (!workflow.value) {
            continue;
          }
          convertReferencedWorkflow(context, workflow.value, job);
        } catch {
          context.error(job.ref, new Error("Unable to find reusable workflow"));
        }
      }
    }
  } catch (err) {
    if (err instanceof TemplateTokenError) {
      context.error(err.token, err);
    } else {
      context.error(root, err);
    }
  } finally {
    if (context.errors.getErrors().length > 0) {
      result.errors = context.errors.getErrors().map((x) => ({
        Message: x.message
      }));
    }
  }
  return result;
}
function getOptionsWithDefaults(options) {
  return {
    maxReusableWorkflowDepth: options.maxReusableWorkflowDepth !== void 0 ? options.maxReusableWorkflowDepth : defaultOptions.maxReusableWorkflowDepth,
    fetchReusableWorkflowDepth: options.fetchReusableWorkflowDepth !== void 0 ? options.fetchReusableWorkflowDepth : defaultOptions.fetchReusableWorkflowDepth,
    errorPolicy: options.errorPolicy !== void 0 ? options.errorPolicy : defaultOptions.errorPolicy,
    featureFlags: options.featureFlags ?? defaultOptions.featureFlags
  };
}

// src/workflows/tokens.ts
var STRING2 = 0;
var SEQUENCE3 = 1;
var MAPPING3 = 2;
var BASIC_EXPRESSION = 3;
var INSERT_EXPRESSION = 4;
var BOOLEAN2 = 5;
var NUMBER2 = 6;
var NULL2 = 7;
function isMappingToken(t) {
  return t?.templateTokenType === MAPPING3;
}
function isSequenceToken(t) {
  return t?.templateTokenType === SEQUENCE3;
}
function isStringToken(t) {
  return t?.templateTokenType === STRING2;
}
function isExpressionToken(t) {
  return t?.templateTokenType === BASIC_EXPRESSION;
}
function positionOf(file, t) {
  const start = t?.range?.start;
  return { file, line: start?.line ?? 1, column: start?.column ?? 1 };
}
var INDEXED = /* @__PURE__ */ new WeakMap();
function entries(t) {
  if (!isMappingToken(t)) return [];
  const known = INDEXED.get(t);
  if (known) return known;
  const out = [];
  for (const pair of t) {
    if (isStringToken(pair.key)) out.push([pair.key.value, pair.value, pair.key]);
  }
  INDEXED.set(t, out);
  return out;
}
function child(t, key) {
  return entries(t).find(([k]) => k === key)?.[1];
}
function keyToken(t, key) {
  return entries(t).find(([k]) => k === key)?.[2];
}
function items(t) {
  return isSequenceToken(t) ? [...t] : [];
}
function stringOf(t) {
  return isStringToken(t) ? t.value : void 0;
}
function expressionSource(t) {
  return t.source === void 0 ? `\${{ ${t.expression} }}` : unquoted(t.source);
}
function unquoted(source) {
  const text = source.trim();
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text);
    } catch {
      return text.slice(1, -1);
    }
  }
  return source;
}
function toPlain2(t) {
  if (t === void 0) return void 0;
  switch (t.templateTokenType) {
    case BASIC_EXPRESSION:
      return expressionSource(t);
    case INSERT_EXPRESSION:
      return `\${{ insert }}`;
    case SEQUENCE3:
      return items(t).map(toPlain2);
    case MAPPING3:
      return Object.fromEntries(entries(t).map(([k, v]) => [k, toPlain2(v)]));
    default:
      return literalOf(t) ?? null;
  }
}
function rawValue(file, t) {
  return t === void 0 ? void 0 : { value: toPlain2(t), position: positionOf(file, t) };
}
function literalOf(t) {
  switch (t.templateTokenType) {
    case STRING2:
      return t.value;
    case BOOLEAN2:
      return t.value;
    case NUMBER2:
      return t.value;
    case NULL2:
      return null;
    default:
      return void 0;
  }
}
function stringList(t) {
  if (isStringToken(t)) return [t.value];
  return items(t).map(stringOf).filter((s) => s !== void 0);
}

// src/workflows/yaml-size.ts
var import_yaml3 = __toESM(require_dist(), 1);
function hasAnchor(text) {
  if (!text.includes("&")) return false;
  for (const token of new import_yaml3.Lexer().lex(text)) if (token.startsWith("&")) return true;
  return false;
}
function aliasesExceed(text, limit, anchored) {
  return (anchored ?? hasAnchor(text)) && expandedNodeCount(text) > limit;
}
function aliasTargets(doc) {
  const anchors = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  (0, import_yaml3.visit)(doc, {
    Alias: (_, alias) => {
      const target = anchors.get(alias.source);
      if (target) targets.set(alias, target);
    },
    Node: (_, node) => {
      if (node.anchor) anchors.set(node.anchor, node);
    }
  });
  return targets;
}
function expandedNodeCount(text) {
  let total = 0;
  for (const doc of (0, import_yaml3.parseAllDocuments)(text)) {
    if (!("contents" in doc)) continue;
    const targets = aliasTargets(doc);
    const memo = /* @__PURE__ */ new Map();
    const open2 = /* @__PURE__ */ new Set();
    const count = (node) => {
      if (node === null || node === void 0) return 1;
      if ((0, import_yaml3.isAlias)(node)) return count(targets.get(node));
      const known = memo.get(node);
      if (known !== void 0) return known;
      if (open2.has(node)) return Number.POSITIVE_INFINITY;
      open2.add(node);
      let n = 1;
      if ((0, import_yaml3.isMap)(node) || (0, import_yaml3.isSeq)(node)) {
        for (const item of node.items) {
          n += (0, import_yaml3.isPair)(item) ? count(item.key) + count(item.value) : count(item);
        }
      }
      open2.delete(node);
      memo.set(node, n);
      return n;
    };
    total += count(doc.contents);
  }
  return total;
}
function withAliasIndex(parse) {
  const original = import_yaml3.Alias.prototype.resolve;
  const indexes = /* @__PURE__ */ new WeakMap();
  import_yaml3.Alias.prototype.resolve = function resolve(doc, ctx) {
    if (ctx) return original.call(this, doc, ctx);
    let index = indexes.get(doc);
    if (index === void 0) {
      index = aliasTargets(doc);
      indexes.set(doc, index);
    }
    return index.get(this);
  };
  try {
    return parse();
  } finally {
    import_yaml3.Alias.prototype.resolve = original;
  }
}

// src/workflows/parse.ts
var RUNNER_ACTION_ROOT = "action-root";
function runnerRefusals(path, root) {
  if (!isMappingToken(root)) return [];
  const refusal = (t, text2) => {
    const { line, column } = positionOf(path, t);
    const message = `${path}:${line}:${column}: ${text2}`;
    return [{ code: "parse-error", message, position: { file: path, line, column }, syntax: "action" }];
  };
  const runs = child(root, "runs");
  if (runs === void 0) return refusal(root, `Top level 'runs:' section is required for ${path}`);
  const using = child(runs, "using");
  const value = stringOf(using)?.toLowerCase();
  const has = (key) => (stringOf(child(runs, key)) ?? "") !== "";
  if (value === void 0) {
    if (child(runs, "plugin") !== void 0) return [];
    const text2 = "Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'.";
    return refusal(runs, text2);
  }
  if (value === "docker") {
    return has("image") ? [] : refusal(runs, `You are using a Container Action but an image is not provided in ${path}.`);
  }
  if (NODE_VERSIONS.has(value)) {
    const text2 = `You are using a JavaScript Action but there is not an entry JavaScript file provided in ${path}.`;
    return has("main") ? [] : refusal(runs, text2);
  }
  if (value === "composite") {
    const text2 = `You are using a composite action but there are no steps provided in ${path}.`;
    return child(runs, "steps") !== void 0 ? [] : refusal(runs, text2);
  }
  const text = `'using: ${stringOf(using)}' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.`;
  return refusal(using, text);
}
var NODE_VERSIONS = /* @__PURE__ */ new Set(["node12", "node16", "node20", "node24"]);
function parseActionAsRunner(file, trace) {
  const context = new TemplateContext(new TemplateValidationErrors(), getActionSchema(), trace);
  const fileId = context.getFileId(file.name);
  const reader = new YamlObjectReader(fileId, file.content);
  if (reader.errors.length > 0) {
    for (const error of reader.errors) context.error(fileId, error.message, error.range);
    return { context, value: void 0 };
  }
  return { context, value: readTemplate(context, RUNNER_ACTION_ROOT, reader, fileId) };
}
var TOO_DEEP = "it nests deeper than the parser can walk (no workflow nests so deep)";
function errorsOf(path, context, syntax) {
  return context.errors.getErrors().map((e) => {
    const line = e.range?.start.line ?? 1;
    const column = e.range?.start.column ?? 1;
    return {
      code: "parse-error",
      message: `${path}:${line}:${column}: ${/Maximum call stack size exceeded/.test(e.rawMessage) ? TOO_DEEP : e.rawMessage}`,
      position: { file: path, line, column },
      syntax
    };
  });
}
async function parseWorkflowFile(path, text, yaml = readYaml(text) ?? null) {
  const file = { name: path, content: text };
  const result = parseFast("workflow", file, new NoOperationTraceWriter(), yaml) ?? withAliasIndex(() => parseWorkflow(file, new NoOperationTraceWriter()));
  let events = {};
  if (result.value !== void 0) {
    const template = await convertWorkflowTemplate(result.context, result.value, void 0, {
      errorPolicy: ErrorPolicy.TryConversion
    });
    events = template.events ?? {};
  }
  return {
    path,
    kind: "workflow",
    root: result.value,
    events,
    errors: oneError(path, errorsOf(path, result.context, "workflow")),
    text
  };
}
function parseActionFile(path, text, yaml = readYaml(text) ?? null) {
  const file = { name: path, content: text };
  const trace = new NoOperationTraceWriter();
  const result = parseFast("action", file, trace, yaml, RUNNER_ACTION_ROOT) ?? withAliasIndex(() => parseActionAsRunner(file, trace));
  const read = errorsOf(path, result.context, "action");
  const errors = oneError(path, read.length > 0 ? read : runnerRefusals(path, result.value));
  return { path, kind: "action", root: result.value, events: {}, errors, text };
}
var QUOTED_ERRORS = 5;
function oneError(path, errors) {
  const seen = /* @__PURE__ */ new Set();
  const distinct = errors.filter((e) => !seen.has(e.message) && seen.add(e.message) !== void 0);
  const [first] = distinct;
  if (first === void 0 || distinct.length === 1) return distinct;
  const quoted = distinct.slice(0, QUOTED_ERRORS).map((e) => e.message);
  const more = distinct.length - quoted.length;
  const message = `${quoted.join("; ")}${more > 0 ? `; and ${more} more errors in ${path}` : ""}`;
  return [{ ...first, message }];
}

// src/workflows/load.ts
function usesOf(file, kind, t) {
  const uses = stringOf(child(t, "uses"));
  if (uses === void 0) return [];
  const position = positionOf(file, child(t, "uses"));
  if (uses.startsWith("./")) return [{ kind: kind === "job" ? "workflow" : kind, uses, position }];
  return kind === "job" ? [{ kind: "remote", uses, position }] : [];
}
function fileRefs(parsed) {
  const { path, root } = parsed;
  if (parsed.kind === "action") {
    return items(child(child(root, "runs"), "steps")).flatMap((s) => usesOf(path, "action", s));
  }
  return entries(child(root, "jobs")).flatMap(([, job]) => [
    ...usesOf(path, "job", job),
    ...items(child(job, "steps")).flatMap((s) => usesOf(path, "action", s))
  ]);
}
var encoder = new TextEncoder();
function refuse(loader, path, code, message, at) {
  loader.failed.add(path);
  if (loader.remote.has(path)) loader.remoteFailures.set(path, message);
  else loader.errors.push({ code, message, position: at });
  return "refused";
}
async function readText(loader, path) {
  try {
    const remote = loader.remote.get(path);
    if (remote === void 0) return await loader.read(path);
    return loader.readRemote ? await loader.readRemote(remote) : { refused: "is not read: no reader is given" };
  } catch (error) {
    return { refused: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
function beforeGitHubParser(path, text) {
  const beyond = yamlBeyondBounds(text);
  if (beyond?.kind === "too-deep") {
    const { line, column } = beyond.at;
    const message = `${path}:${line}:${column}: not read: it nests collections deeper than ${MAX_YAML_DEPTH} levels (no workflow nests so deep)`;
    return { code: "too-large", message, at: { file: path, line, column } };
  }
  if (beyond?.kind === "too-many-errors") {
    const message = `${path}: not read: the YAML library finds more than ${MAX_YAML_ERRORS} errors in it`;
    return { code: "parse-error", message, at: { file: path, line: 1, column: 1 } };
  }
  return void 0;
}
async function readOne(loader, path, kind, at) {
  const known = loader.files.get(path);
  if (known) return known;
  if (loader.failed.has(path)) return "refused";
  const { limits } = loader;
  if (loader.count >= limits.files) {
    return refuse(
      loader,
      path,
      "too-many-files",
      `more than ${limits.files} workflow and action files: ${path} was not read`,
      at
    );
  }
  if (loader.now() > loader.deadline) {
    const message = `${path} was not read: reading the workflow and action files took more than ${limits.readMs / 1e3} seconds in all`;
    return refuse(loader, path, "too-many-files", message, at);
  }
  const text = await readText(loader, path);
  if (text === void 0) return "missing";
  loader.count += 1;
  if (typeof text !== "string") return refuse(loader, path, "refused", `${path} ${text.refused}`, at);
  if (encoder.encode(text).length > limits.fileBytes) {
    return refuse(loader, path, "too-large", `${path} is larger than ${limits.fileBytes} bytes and was not read`, at);
  }
  const breakAt = ambiguousLineBreak(text);
  if (breakAt) {
    const { line, column } = breakAt;
    const message = `${path}:${line}:${column}: not read: it holds a line break YAML parsers disagree on (${breakAt.name}), so which jobs GitHub reads in it is not known`;
    return refuse(loader, path, "ambiguous-line-break", message, { file: path, line, column });
  }
  let parsed;
  try {
    const yaml = readYaml(text) ?? null;
    const refused = yaml === null ? beforeGitHubParser(path, text) : void 0;
    if (refused) return refuse(loader, path, refused.code, refused.message, refused.at);
    if (aliasesExceed(text, limits.yamlNodes, yaml?.anchored)) {
      const message = `${path} expands to more than ${limits.yamlNodes} YAML nodes through its aliases and was not read`;
      return refuse(loader, path, "too-large", message, at);
    }
    parsed = kind === "workflow" ? await parseWorkflowFile(path, text, yaml) : parseActionFile(path, text, yaml);
  } catch (error) {
    const why = error instanceof RangeError ? TOO_DEEP : error instanceof Error ? error.message : String(error);
    const message = `${path}: not read: ${why}`;
    return refuse(loader, path, "parse-error", message, { file: path, line: 1, column: 1 });
  }
  loader.files.set(path, parsed);
  for (const error of parsed.errors) loader.errors.push(error);
  return parsed;
}
async function loadFiles(start, read, limits, readRemote, now = Date.now) {
  const loader = {
    read,
    readRemote,
    remote: /* @__PURE__ */ new Map(),
    remoteFailures: /* @__PURE__ */ new Map(),
    limits,
    files: /* @__PURE__ */ new Map(),
    actions: /* @__PURE__ */ new Map(),
    unreadActions: /* @__PURE__ */ new Map(),
    missingWorkflows: /* @__PURE__ */ new Set(),
    errors: [],
    failed: /* @__PURE__ */ new Set(),
    count: 0,
    now,
    deadline: now() + limits.readMs
  };
  const queue = [];
  for (const path of start) {
    const at = { file: path, line: 1, column: 1 };
    const parsed = await readOne(loader, path, "workflow", at);
    if (parsed === "missing") loader.errors.push({ code: "not-found", message: `${path} was not found`, position: at });
    else if (parsed !== "refused") queue.push(parsed);
  }
  const scanned = new Set(queue);
  for (let next = queue.shift(); next !== void 0; next = queue.shift()) {
    for (const ref of fileRefs(next)) {
      const found = await follow(ref, next.path, loader);
      if (found && !scanned.has(found)) {
        scanned.add(found);
        queue.push(found);
      }
    }
  }
  const { files, actions, unreadActions, missingWorkflows, remote, remoteFailures } = loader;
  const errors = dedupeErrors(loader.errors);
  return { files, actions, unreadActions, missingWorkflows, remote, remoteFailures, errors };
}
function calledRemote(remote, from, uses) {
  const inRemote = remote.get(from);
  if (!uses.startsWith("./")) {
    const parsed2 = parseRemoteUses(uses);
    return "error" in parsed2 ? void 0 : parsed2;
  }
  if (inRemote === void 0) return void 0;
  const resolved = resolveLocal(uses);
  if ("error" in resolved) return void 0;
  const parsed = parseRemoteUses(`${inRemote.owner}/${inRemote.repo}/${resolved.path}@${inRemote.ref}`);
  return "error" in parsed ? void 0 : parsed;
}
async function followRemote(ref, from, loader) {
  if (loader.readRemote === void 0) return void 0;
  const target = calledRemote(loader.remote, from, ref.uses);
  if (target === void 0) return void 0;
  const key = remoteKey(target);
  if (!loader.remote.has(key)) loader.remote.set(key, target);
  const parsed = await readOne(loader, key, "workflow", ref.position);
  if (parsed === "missing") loader.remoteFailures.set(key, `${key} was not found`);
  return typeof parsed === "string" ? void 0 : parsed;
}
async function follow(ref, from, loader) {
  const { actions, errors } = loader;
  if (ref.kind === "remote" || ref.kind === "workflow" && loader.remote.has(from)) {
    return followRemote(ref, from, loader);
  }
  if (loader.remote.has(from)) {
    const message = `${ref.uses}: a local action in a workflow of another repository runs from what the job checked out, which is not known: not read`;
    errors.push({ code: "unsupported", message, position: ref.position });
    return void 0;
  }
  const resolved = resolveLocal(ref.uses);
  if ("error" in resolved) {
    errors.push({ code: "outside-repository", message: `${resolved.error}: not read`, position: ref.position });
    return void 0;
  }
  if (ref.kind === "workflow") {
    const parsed = await readOne(loader, resolved.path, "workflow", ref.position);
    if (parsed === "missing") loader.missingWorkflows.add(resolved.path);
    return typeof parsed === "string" ? void 0 : parsed;
  }
  if (actions.has(resolved.path) || loader.unreadActions.has(resolved.path)) return void 0;
  for (const candidate of actionFileCandidates(resolved.path)) {
    const parsed = await readOne(loader, candidate, "action", ref.position);
    if (parsed === "missing") continue;
    if (parsed === "refused") {
      loader.unreadActions.set(resolved.path, { kind: "not-read", reason: `${candidate} is not read` });
      return void 0;
    }
    actions.set(resolved.path, candidate);
    return parsed;
  }
  const reason = `no action.yml or action.yaml in ${resolved.path || "the repository root"}`;
  loader.unreadActions.set(resolved.path, { kind: "not-found", reason });
  return void 0;
}
function dedupeErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((e) => {
    const key = `${e.code} ${e.position.file}:${e.position.line}:${e.position.column} ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/workflows/reads.ts
var EXPRESSION_READS = /* @__PURE__ */ new Map();
var EXPRESSION_READS_MAX = 4096;
function expressionReads(expression) {
  const known = EXPRESSION_READS.get(expression);
  if (known !== void 0) return known;
  let node;
  try {
    node = parseExpression(expression);
  } catch {
    node = void 0;
  }
  const out = [];
  if (node !== void 0) walk(node, out);
  if (EXPRESSION_READS.size >= EXPRESSION_READS_MAX) EXPRESSION_READS.clear();
  EXPRESSION_READS.set(expression, out);
  return out;
}
function literalKey(index) {
  if (!(index instanceof Literal)) return void 0;
  const data = index.literal;
  return typeof data.value === "string" || typeof data.value === "number" ? data.value : void 0;
}
function walk(node, out) {
  if (node instanceof ContextAccess) {
    out.push([node.name.lexeme]);
    return;
  }
  if (node instanceof IndexAccess) {
    const keys = [];
    let base = node;
    while (base instanceof IndexAccess) {
      keys.unshift(base.index);
      base = base.expr;
    }
    const path = [];
    let plain = base instanceof ContextAccess;
    for (const index of keys) {
      const key = plain ? literalKey(index) : void 0;
      if (key === void 0) {
        plain = false;
        walk(index, out);
      } else path.push(key);
    }
    if (base instanceof ContextAccess) out.push([base.name.lexeme, ...path]);
    else walk(base, out);
    return;
  }
  const children = node instanceof FunctionCall || node instanceof Logical ? node.args : ["expr", "left", "right", "group"].map((k) => node[k]).filter((c) => c !== void 0 && c !== null && typeof c === "object");
  for (const c of children) walk(c, out);
}
function tokenReads(t, out = []) {
  if (t === void 0) return out;
  if (isExpressionToken(t)) {
    out.push(...expressionReads(t.expression));
  } else if (isMappingToken(t)) {
    for (const [key, value] of entries(t)) {
      if (key === "if" && isStringToken(value)) {
        const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(value.value);
        out.push(...expressionReads((inner?.[1] ?? value.value).trim()));
      } else tokenReads(value, out);
    }
  } else if (isSequenceToken(t)) {
    for (const item of items(t)) tokenReads(item, out);
  }
  return out;
}
var TOKEN_READS = /* @__PURE__ */ new WeakMap();
function tokenReadsOnce(t) {
  if (t === void 0) return [];
  let reads = TOKEN_READS.get(t);
  if (reads === void 0) {
    reads = tokenReads(t);
    TOKEN_READS.set(t, reads);
  }
  return reads;
}
var WRITTEN = /* @__PURE__ */ new WeakMap();
function written(value) {
  if (value === void 0) return "u";
  if (typeof value === "number") return Object.is(value, -0) ? "n-0" : `n${value}`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const known = WRITTEN.get(value);
  if (known !== void 0) return known;
  let text;
  if (value instanceof UnknownDiffering)
    text = `?${JSON.stringify(value.reason)}!=${JSON.stringify(value.differsFrom)}~${JSON.stringify(String(value.matches ?? ""))}`;
  else if (value instanceof Unknown) text = `?${JSON.stringify(value.reason)}`;
  else if (Array.isArray(value)) text = `[${value.map(written).join(",")}]`;
  else {
    const object = value;
    const open2 = `${object[OPEN] === void 0 ? "" : `~${JSON.stringify(object[OPEN])}`}${object[UNSET_EMPTY] ? "!" : ""}`;
    text = `{${open2}${Object.keys(object).map((k) => `${JSON.stringify(k)}:${written(object[k])}`).join(",")}}`;
  }
  WRITTEN.set(value, text);
  return text;
}
var KEYS = /* @__PURE__ */ new WeakMap();
function keysOf(object) {
  let keys = KEYS.get(object);
  if (keys === void 0) {
    keys = /* @__PURE__ */ new Map();
    for (const k of Object.keys(object)) {
      const lower = k.toLowerCase();
      keys.set(lower, keys.has(lower) ? null : k);
    }
    KEYS.set(object, keys);
  }
  return keys;
}
var PROTOTYPE_KEYS = /* @__PURE__ */ new Set(["constructor", "__proto__"]);
function valueAt(contexts, read) {
  const { path, name, tail } = read;
  if (!Object.hasOwn(contexts, name)) return walkValue(contexts, path, 0);
  const root = contexts[name];
  if (path.length === 1 || root === null || typeof root !== "object" || root instanceof Unknown) {
    return walkValue(root, path, 1);
  }
  let known = AT.get(root);
  if (known === void 0) {
    known = /* @__PURE__ */ new Map();
    AT.set(root, known);
  }
  let found = known.get(tail);
  if (found === void 0) {
    found = walkValue(root, path, 1);
    known.set(tail, found);
  }
  return found;
}
var AT = /* @__PURE__ */ new WeakMap();
function walkValue(start, path, from) {
  let value = start;
  for (let i = from; i < path.length; i++) {
    const stop = (what) => `@${i}${what}`;
    const key = path[i];
    if (value === null || value === void 0 || typeof value !== "object" || value instanceof Unknown)
      return stop(written(value));
    if (Array.isArray(value)) {
      if (typeof key !== "number") return stop(written(value));
      if (key < 0 || key >= value.length) return stop("a");
      value = value[key];
      continue;
    }
    if (typeof key !== "string") return stop(written(value));
    const lower = key.toLowerCase();
    if (PROTOTYPE_KEYS.has(lower)) return stop(written(value));
    const object = value;
    const match = keysOf(object).get(lower);
    if (match === null) return stop(written(value));
    if (match === void 0) {
      if (object[OPEN] !== void 0) return stop(`a~${JSON.stringify(object[OPEN])}`);
      return stop(object[UNSET_EMPTY] ? "e" : "a");
    }
    value = object[match];
  }
  return written(value);
}
function readsKey(contexts, reads) {
  let key = "";
  for (const read of reads) key += `${valueAt(contexts, read)}\0`;
  return key;
}
var READ_KEYS = /* @__PURE__ */ new WeakMap();
function readKeyOf(path) {
  let made = READ_KEYS.get(path);
  if (made === void 0) {
    const lower = path.map((k) => typeof k === "string" ? k.toLowerCase() : k);
    const tail = JSON.stringify(lower.slice(1));
    made = { id: `${JSON.stringify(lower[0])}${tail}`, key: { path, name: lower[0], tail } };
    READ_KEYS.set(path, made);
  }
  return made;
}
function distinctReads(paths) {
  const seen = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const { id, key } = readKeyOf(path);
    if (!seen.has(id)) seen.set(id, key);
  }
  return [...seen.values()];
}

// src/workflows/text-shape.ts
var GITHUB_SHAPES = {
  run_id: { chars: "digits", min: 1, max: 20 },
  run_number: { chars: "digits", min: 1, max: 20 },
  run_attempt: { chars: "digits", min: 1, max: 20 },
  repository_id: { chars: "digits", min: 1, max: 20 },
  repository_owner_id: { chars: "digits", min: 1, max: 20 },
  actor_id: { chars: "digits", min: 1, max: 20 },
  sha: { chars: "hex", min: 40, max: 64 }
};
function textPieces(expression, contexts) {
  let node;
  try {
    node = parseExpression(expression);
  } catch {
    return void 0;
  }
  if (node instanceof FunctionCall && node.functionName.lexeme.toLowerCase() === "format") {
    const [template, ...args] = node.args;
    const text = template instanceof Literal ? template.literal.value : void 0;
    if (typeof text !== "string") return void 0;
    const parts = formatParts(text);
    if (parts === void 0) return void 0;
    const out = [];
    for (const part of parts) {
      const piece2 = typeof part === "string" ? { text: part } : args[part] && argumentPiece(args[part], contexts);
      if (piece2 === void 0) return void 0;
      out.push(piece2);
    }
    return out;
  }
  if (githubField(node) === void 0) return void 0;
  const piece = argumentPiece(node, contexts);
  return piece && [piece];
}
function formatParts(template) {
  const out = [];
  let text = "";
  for (let i = 0; i < template.length; i++) {
    const c = template.charAt(i);
    if ((c === "{" || c === "}") && template.charAt(i + 1) === c) {
      text += c;
      i += 1;
      continue;
    }
    if (c === "}") return void 0;
    if (c !== "{") {
      text += c;
      continue;
    }
    const close = template.indexOf("}", i);
    const index = close < 0 ? "" : template.slice(i + 1, close);
    if (!/^\d{1,3}$/.test(index)) return void 0;
    if (text !== "") out.push(text);
    text = "";
    out.push(Number(index));
    i = close;
  }
  if (text !== "") out.push(text);
  return out;
}
function argumentPiece(node, contexts) {
  const result = evaluateNode(node, contexts);
  if (result.kind === "known") {
    const value = result.value;
    if (typeof value === "string") return { text: value };
    if (value === null) return { text: "" };
    if (typeof value === "boolean" || typeof value === "number" && Number.isSafeInteger(value))
      return { text: String(value) };
    return void 0;
  }
  const field = githubField(node);
  const shape = field === void 0 ? void 0 : GITHUB_SHAPES[field];
  return shape && { ...shape, from: `github.${field}` };
}
function githubField(node) {
  if (!(node instanceof IndexAccess) || !(node.expr instanceof ContextAccess)) return void 0;
  if (node.expr.name.lexeme.toLowerCase() !== "github") return void 0;
  const key = node.index instanceof Literal ? node.index.literal.value : void 0;
  return typeof key === "string" && Object.hasOwn(GITHUB_SHAPES, key.toLowerCase()) ? key.toLowerCase() : void 0;
}

// src/workflows/values.ts
var REMEMBERED = /* @__PURE__ */ new WeakMap();
var REMEMBERED_PER_EXPRESSION = 256;
var remembering = true;
function withRemembering(on, build) {
  const before = remembering;
  remembering = on;
  try {
    return build();
  } finally {
    remembering = before;
  }
}
function rememberedResult(anchor, expression, contexts, compute) {
  return rememberedOver(anchor, () => expressionReadKeys(expression), contexts, compute);
}
var READ_KEYS2 = /* @__PURE__ */ new Map();
var READ_KEYS_MAX = 4096;
function expressionReadKeys(expression) {
  let keys = READ_KEYS2.get(expression);
  if (keys === void 0) {
    keys = distinctReads(expressionReads(expression));
    if (READ_KEYS2.size >= READ_KEYS_MAX) READ_KEYS2.clear();
    READ_KEYS2.set(expression, keys);
  }
  return keys;
}
function rememberedOver(anchor, reads, contexts, compute) {
  if (!remembering) return compute();
  let slot = REMEMBERED.get(anchor);
  if (slot === void 0) {
    slot = { paths: reads(), results: /* @__PURE__ */ new Map() };
    REMEMBERED.set(anchor, slot);
  }
  const key = readsKey(contexts, slot.paths);
  if (slot.results.has(key)) return slot.results.get(key);
  const value = compute();
  if (slot.results.size >= REMEMBERED_PER_EXPRESSION) slot.results = /* @__PURE__ */ new Map();
  slot.results.set(key, value);
  return value;
}
var WRITTEN_VALUES = /* @__PURE__ */ new WeakMap();
function evaluateToken(file, t, contexts) {
  if (isExpressionToken(t)) {
    const expression = t.expression;
    return rememberedResult(t, expression, contexts, () => evaluateFresh(file, t, contexts));
  }
  if (!remembering) return evaluateFresh(file, t, contexts);
  const known = WRITTEN_VALUES.get(t);
  if (known?.file === file) return known.value;
  const value = evaluateFresh(file, t, contexts);
  WRITTEN_VALUES.set(t, { file, value });
  return value;
}
function evaluateFresh(file, t, contexts) {
  const position = positionOf(file, t);
  if (isExpressionToken(t)) {
    const expression = expressionSource(t);
    const result = evaluateExpression(t.expression, contexts);
    if (result.kind === "unknown") {
      const pieces = textPieces(t.expression, contexts);
      return { kind: "unknown", expression, position, reason: result.reason, ...pieces ? { pieces } : {} };
    }
    const value = result.value;
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
      return { kind: "known", value, position, expression };
    }
    return { kind: "known", value: JSON.stringify(value), position, expression };
  }
  const literal2 = literalOf(t);
  if (literal2 !== void 0) return { kind: "known", value: literal2, position };
  return { kind: "known", value: JSON.stringify(toPlain2(t)), position };
}
var WRITTEN_MAPS = /* @__PURE__ */ new WeakMap();
function evaluateMap(file, t, contexts) {
  if (t === void 0) return {};
  const known = remembering ? WRITTEN_MAPS.get(t) : void 0;
  if (known?.file === file) return known.map;
  const pairs = entries(t);
  const map = Object.fromEntries(pairs.map(([k, v]) => [k, evaluateToken(file, v, contexts)]));
  if (remembering && !pairs.some(([, v]) => isExpressionToken(v))) WRITTEN_MAPS.set(t, { file, map });
  return map;
}
function asContextValue(value) {
  if (value.kind === "unknown") return new Unknown(value.reason);
  return value.value;
}
function layerEnv(file, map, contexts, evaluated) {
  if (entries(map).length === 0 && contexts.env !== void 0) return contexts;
  const env = { ...contexts.env ?? {} };
  const values = evaluated ?? evaluateMap(file, map, contexts);
  for (const [k, v] of Object.entries(values)) {
    const value = asContextValue(v);
    env[k] = value instanceof Unknown || value === null ? value : String(value);
  }
  return { ...contexts, env: open("env", env) };
}
function conditionOf(file, t) {
  if (t === void 0) return void 0;
  const position = positionOf(file, t);
  if (isExpressionToken(t)) return { condition: t.expression, position };
  if (isStringToken(t)) {
    const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(t.value);
    return { condition: (inner?.[1] ?? t.value).trim(), position };
  }
  const literal2 = literalOf(t);
  return { condition: String(literal2), position };
}
function decide(condition, contexts) {
  if (condition === void 0) return { kind: "always" };
  return rememberedResult(condition, condition.condition, contexts, () => decideFresh(condition, contexts));
}
function decideFresh(condition, contexts) {
  const result = evaluateExpression(condition.condition, contexts, { condition: true });
  if (result.kind === "unknown") return { kind: "unknown", ...condition, reason: result.reason };
  const value = result.value;
  const truthy2 = !(value === null || value === false || value === 0 || value === "");
  return truthy2 ? { kind: "always" } : { kind: "never", ...condition };
}
function both(outer, inner) {
  if (outer.kind === "never" || inner.kind === "always") return outer;
  if (inner.kind === "never" || outer.kind === "always") return inner;
  return outer;
}
function assignInputs(file, defs, withValues, defaultContexts) {
  const inputs = {};
  if (defs.length === 0) return inputs;
  const byName = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(withValues)) if (!byName.has(k.toLowerCase())) byName.set(k.toLowerCase(), v);
  for (const { input, defaultToken } of defs) {
    const given = byName.get(input.id.toLowerCase());
    if (given) inputs[input.id] = asContextValue(given);
    else if (defaultToken) inputs[input.id] = asContextValue(evaluateToken(file, defaultToken, defaultContexts));
    else inputs[input.id] = input.type === "boolean" ? false : input.type === "number" ? 0 : "";
  }
  return inputs;
}
function compositeInputs(file, defs, withValues, defaultContexts) {
  const given = /* @__PURE__ */ new Map();
  for (const [key, v] of Object.entries(withValues)) {
    const lower = key.toLowerCase();
    given.set(lower, { key: given.get(lower)?.key ?? key, value: asInputString(asContextValue(v)) });
  }
  const inputs = {};
  for (const { key, value } of given.values()) inputs[key] = value;
  for (const { input, defaultToken } of defs) {
    if (given.has(input.id.toLowerCase())) continue;
    given.set(input.id.toLowerCase(), { key: input.id, value: "" });
    inputs[input.id] = defaultToken ? asInputString(asContextValue(evaluateToken(file, defaultToken, defaultContexts))) : "";
  }
  return inputs;
}
function asInputString(value) {
  if (value instanceof Unknown || typeof value === "string") return value;
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return new Unknown("an input that is not text");
}

// src/workflows/matrix.ts
function matrixValue(t, context) {
  if (isExpressionToken(t)) {
    const result = evaluateExpression(t.expression, context);
    if (result.kind === "unknown") throw new Unknown(`${expressionSource(t)}: ${result.reason}`);
    return result.value;
  }
  if (isSequenceToken(t)) return items(t).map((i) => matrixValue(i, context));
  if (isMappingToken(t)) return Object.fromEntries(entries(t).map(([k, v]) => [k, matrixValue(v, context)]));
  return literalOf(t) ?? null;
}
var same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);
function matches(row, partial) {
  return Object.entries(partial).every(([k, v]) => same(row[k], v));
}
function applyIncludes(rows, includes, original) {
  const out = rows.map((r) => ({ ...r }));
  const added = [];
  for (const include of includes) {
    const checked = Object.entries(include).filter(([k]) => original.has(k));
    let merged2 = false;
    out.forEach((row, i) => {
      const originalRow = rows[i] ?? {};
      if (!checked.some(([k, v]) => k in originalRow && !same(originalRow[k], v))) {
        Object.assign(row, include);
        merged2 = true;
      }
    });
    if (!merged2) added.push({ ...include });
  }
  return [...out, ...added];
}
var BY_LIMIT = /* @__PURE__ */ new Map();
function expandMatrix(matrix, context, limit) {
  if (matrix === void 0) return { kind: "rows", rows: [{}] };
  let anchors = BY_LIMIT.get(limit);
  if (anchors === void 0) {
    anchors = /* @__PURE__ */ new WeakMap();
    BY_LIMIT.set(limit, anchors);
  }
  let anchor = anchors.get(matrix);
  if (anchor === void 0) {
    anchor = {};
    anchors.set(matrix, anchor);
  }
  return rememberedOver(
    anchor,
    () => distinctReads(tokenReads(matrix)),
    context,
    () => expandFresh(matrix, context, limit)
  );
}
function expandFresh(matrix, context, limit) {
  try {
    const value = matrixValue(matrix, context);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { kind: "unknown", expression: String(value), reason: "the matrix is not a mapping" };
    }
    const { include, exclude, ...vectors } = value;
    const keys = Object.keys(vectors);
    let count = 1;
    for (const key of keys) {
      const vector = vectors[key];
      if (!Array.isArray(vector)) return { kind: "unknown", expression: key, reason: `matrix.${key} is not a list` };
      count *= vector.length;
    }
    if (count > limit) return { kind: "too-many", count };
    let rows = keys.length === 0 ? [] : [{}];
    for (const key of keys) {
      rows = rows.flatMap((row) => vectors[key].map((v) => ({ ...row, [key]: v })));
    }
    const excludes = Array.isArray(exclude) ? exclude : [];
    rows = rows.filter((row) => !excludes.some((e) => matches(row, e)));
    rows = applyIncludes(rows, Array.isArray(include) ? include : [], new Set(keys));
    if (rows.length > limit) return { kind: "too-many", count: rows.length };
    return { kind: "rows", rows: rows.length === 0 ? [{}] : rows };
  } catch (error) {
    if (error instanceof Unknown) return { kind: "unknown", expression: error.reason, reason: error.reason };
    throw error;
  }
}

// src/workflows/triggers.ts
var NAMED = /* @__PURE__ */ new Set([
  "push",
  "pull_request",
  "pull_request_target",
  "workflow_dispatch",
  "workflow_call",
  "release",
  "schedule",
  "merge_group",
  "workflow_run"
]);
function valueOfLiteral(file, t) {
  const position = positionOf(file, t);
  if (isExpressionToken(t))
    return { kind: "unknown", expression: expressionSource(t), position, reason: "not evaluated here" };
  const value = literalOf(t);
  return value === void 0 ? { kind: "unknown", expression: String(t), position, reason: "not a scalar" } : { kind: "known", value, position };
}
var INPUTS_READ = /* @__PURE__ */ new WeakMap();
function readInputs(file, eventToken) {
  if (eventToken === void 0) return [];
  const known = INPUTS_READ.get(eventToken);
  if (known && known.file === file) return known.inputs;
  const inputs = readInputsFresh(file, eventToken);
  INPUTS_READ.set(eventToken, { file, inputs });
  return inputs;
}
function readInputsFresh(file, eventToken) {
  return entries(child(eventToken, "inputs")).map(([id, t, key]) => {
    const type = literalOf(child(t, "type") ?? key);
    const required = literalOf(child(t, "required") ?? key);
    const defaultToken = child(t, "default");
    const options = child(t, "options") ? stringList(child(t, "options")) : void 0;
    const input = {
      id,
      type: typeof type === "string" && child(t, "type") ? type : "string",
      required: required === true && child(t, "required") !== void 0,
      ...defaultToken ? { default: valueOfLiteral(file, defaultToken) } : {},
      ...options ? { options } : {},
      position: positionOf(file, key)
    };
    return { input, defaultToken };
  });
}
function list(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : void 0;
}
function filters(config) {
  const out = {};
  const pairs = [
    ["types", "types"],
    ["branches", "branches"],
    ["branches-ignore", "branchesIgnore"],
    ["tags", "tags"],
    ["tags-ignore", "tagsIgnore"],
    ["workflows", "workflows"]
  ];
  for (const [from, to] of pairs) {
    const value = list(config[from]);
    if (value) out[to] = value;
  }
  return out;
}
function pushTriggers(base, config) {
  const f = filters(config);
  const hasBranches = f.branches !== void 0 || f.branchesIgnore !== void 0;
  const hasTags = f.tags !== void 0 || f.tagsIgnore !== void 0;
  if (!hasBranches && !hasTags) return [base];
  const out = [];
  if (hasBranches) {
    const ignore = f.branchesIgnore ? { branchesIgnore: f.branchesIgnore } : {};
    if (f.branches) out.push(...f.branches.map((b) => ({ ...base, branches: [b], ...ignore })));
    else out.push({ ...base, ...ignore });
  }
  if (hasTags) {
    const ignore = f.tagsIgnore ? { tagsIgnore: f.tagsIgnore } : {};
    if (f.tags) out.push(...f.tags.map((t) => ({ ...base, tags: [t], ...ignore })));
    else out.push({ ...base, ...ignore });
  }
  return out;
}
function readTriggers(file, root, events, splitFork) {
  const on = child(root, "on");
  const inputs = /* @__PURE__ */ new Map();
  const triggers = [];
  for (const [eventName, raw] of Object.entries(events)) {
    const config = raw ?? {};
    const event = NAMED.has(eventName) ? eventName : "other";
    const position = positionOf(file, isMappingToken(on) ? keyToken(on, eventName) ?? on : on);
    const base = { event, eventName, position };
    if (event === "push") {
      triggers.push(...pushTriggers(base, config));
    } else if (event === "workflow_dispatch" || event === "workflow_call") {
      const defs = readInputs(file, child(on, eventName));
      inputs.set(eventName, defs);
      triggers.push({ ...base, inputs: defs.map((d) => d.input) });
    } else if (event === "schedule") {
      const cron = (Array.isArray(raw) ? raw : []).map((s) => String(s.cron ?? ""));
      triggers.push({ ...base, cron });
    } else if ((event === "pull_request" || event === "pull_request_target") && splitFork) {
      triggers.push({ ...base, ...filters(config), fork: false }, { ...base, ...filters(config), fork: true });
    } else {
      triggers.push({ ...base, ...filters(config) });
    }
  }
  return { triggers, inputs };
}

// src/workflows/steps.ts
function affordable(scope, n) {
  const own = scope.perInstance;
  const all = scope.budget;
  return (own === void 0 || own.left >= n) && (all === void 0 || all.steps >= n);
}
function charge(scope, n) {
  if (scope.perInstance) scope.perInstance.left -= n;
  if (scope.budget) scope.budget.steps -= n;
  if (scope.tally) scope.tally.taken += n;
}
function remembered2(scope, token, via, reads, contexts, expand) {
  const { memo, tally } = scope;
  if (memo === void 0 || tally === void 0 || token === void 0) return expand();
  let slots = memo.get(token);
  if (slots === void 0) {
    slots = /* @__PURE__ */ new Map();
    memo.set(token, slots);
  }
  const along = viaKey(via);
  let slot = slots.get(along);
  if (slot === void 0) {
    const first = slots.values().next().value;
    const paths = first ? first.paths : readKeys(reads());
    slot = { paths, results: /* @__PURE__ */ new Map() };
    slots.set(along, slot);
  }
  if (slot.paths === void 0) return expand();
  const key = readsKey(contexts, slot.paths);
  const known = slot.results.get(key);
  if (known && affordable(scope, known.taken)) {
    charge(scope, known.taken);
    scope.errors.push(...known.errors);
    return known.steps;
  }
  const before = { taken: tally.taken, refused: tally.refused, errors: scope.errors.length };
  const steps = expand();
  if (tally.refused === before.refused) {
    slot.results.set(key, { steps, taken: tally.taken - before.taken, errors: scope.errors.slice(before.errors) });
  }
  return steps;
}
function readKeys(paths) {
  return paths && distinctReads(paths);
}
var VIA_KEYS = /* @__PURE__ */ new WeakMap();
function viaKey(via) {
  if (via.length === 0) return "";
  let key = VIA_KEYS.get(via);
  if (key === void 0) {
    key = JSON.stringify(via.map((v) => [v.uses, v.file, v.position.file, v.position.line, v.position.column]));
    VIA_KEYS.set(via, key);
  }
  return key;
}
function localAction(loaded, file, uses) {
  if (!uses.startsWith("./") || loaded.remote.has(file)) return void 0;
  const resolved = resolveLocal(uses);
  if ("error" in resolved) return void 0;
  const actionFile = loaded.actions.get(resolved.path);
  const parsed = actionFile ? loaded.files.get(actionFile) : void 0;
  return actionFile && parsed && parsed.errors.length === 0 ? { file: actionFile, root: parsed.root } : void 0;
}
function unreadAction(loaded, file, uses) {
  if (!uses.startsWith("./") || loaded.remote.has(file)) return void 0;
  const resolved = resolveLocal(uses);
  if ("error" in resolved) return { kind: "not-read", reason: resolved.error };
  const why = loaded.unreadActions.get(resolved.path);
  if (why !== void 0) return why;
  const actionFile = loaded.actions.get(resolved.path);
  const parsed = actionFile ? loaded.files.get(actionFile) : void 0;
  if (actionFile === void 0 || parsed === void 0) return { kind: "not-read", reason: `${uses} is not read` };
  if (parsed.errors.length === 0) return void 0;
  const first = parsed.errors[0];
  const at = first ? ` (line ${first.position.line}: ${first.message.replace(/^.*?:\d+:\d+: /, "")})` : "";
  return { kind: "invalid", reason: `${actionFile} breaks GitHub's action metadata syntax${at}` };
}
function stepReads(loaded, file, t) {
  const known = STEP_READS.get(t);
  if (known !== void 0) return known ?? void 0;
  const out = stepReadsFresh(loaded, file, t);
  STEP_READS.set(t, out ?? null);
  return out;
}
var STEP_READS = /* @__PURE__ */ new WeakMap();
function stepReadsFresh(loaded, file, t) {
  const out = stepOwnReads(file, t, []);
  const usesToken = child(t, "uses");
  if (usesToken === void 0) return out;
  if (!isStringToken(usesToken)) return void 0;
  const action = localAction(loaded, file, usesToken.value);
  if (action === void 0) return out;
  const inner = actionReads(loaded, action, /* @__PURE__ */ new Set());
  if (inner === void 0) return void 0;
  for (const path of inner) out.push(path);
  return out;
}
function actionReads(loaded, action, inside) {
  const root = action.root;
  const known = root && ACTION_READS.get(root);
  if (known !== void 0 && known.file === action.file) return known.reads;
  if (inside.has(action.file)) return [];
  inside.add(action.file);
  let out = [...tokenReadsOnce(root)];
  let complete2 = true;
  for (const s of items(child(child(root, "runs"), "steps"))) {
    out = stepOwnReads(action.file, s, out);
    const usesToken = child(s, "uses");
    if (usesToken === void 0) continue;
    if (!isStringToken(usesToken)) {
      out = void 0;
      break;
    }
    const nested = localAction(loaded, action.file, usesToken.value);
    if (nested === void 0) continue;
    const reads = actionReads(loaded, nested, inside);
    if (reads === void 0) {
      out = void 0;
      break;
    }
    for (const path of reads) out.push(path);
    if (!ACTION_READS.has(nested.root)) complete2 = false;
  }
  inside.delete(action.file);
  if (root !== void 0 && complete2) ACTION_READS.set(root, { file: action.file, reads: out });
  return out;
}
function stepOwnReads(file, t, out) {
  tokenReads(t, out);
  out.push(["env"]);
  const run = shapeOf(file, t).fixed.run;
  if (run !== void 0) for (const e of scriptExpressionsOf(run)) out.push(...expressionReads(e.expression));
  return out;
}
var ACTION_READS = /* @__PURE__ */ new WeakMap();
function takeStep(scope, position) {
  const own = scope.perInstance;
  const all = scope.budget;
  if (affordable(scope, 1)) {
    charge(scope, 1);
    return true;
  }
  if (scope.tally) scope.tally.refused += 1;
  if (own && !own.reported) {
    own.reported = true;
    const why = all !== void 0 && all.steps <= 0 ? "the workflows expand to more steps than the model reads in all" : `a job expands to more than ${own.limit} steps (composite actions included)`;
    scope.errors.push({ code: "too-large", message: `${why}; the steps past this one are not read`, position });
  }
  return false;
}
function runOf(file, t, shell) {
  if (t === void 0) return void 0;
  const position = positionOf(file, t);
  const header = t.blockScalarHeader;
  const script = isStringToken(t) ? t.value : t.source ?? String(literalOf(t) ?? "");
  return { script, line: header ? position.line + 1 : position.line, ...shell ? { shell } : {}, position };
}
var SHAPES = /* @__PURE__ */ new WeakMap();
function shapeOf(file, t) {
  const known = SHAPES.get(t);
  if (known && known.file === file) return known.shape;
  const id = stringOf(child(t, "id"));
  const name = stringOf(child(t, "name"));
  const condition = conditionOf(file, child(t, "if"));
  const shell = stringOf(child(t, "shell"));
  const run = runOf(file, child(t, "run"), shell);
  const shape = {
    usesToken: child(t, "uses"),
    withToken: child(t, "with"),
    envToken: child(t, "env"),
    condition,
    fixed: {
      ...id !== void 0 ? { id } : {},
      ...name !== void 0 ? { name } : {},
      ...run ? { run } : {},
      ...condition ? { if: condition } : {},
      position: positionOf(file, t)
    }
  };
  SHAPES.set(t, { file, shape });
  return shape;
}
var SCRIPT_EXPRESSIONS_CAP = 500;
function scriptExpressions(script) {
  const out = [];
  let from = script.indexOf("${{");
  while (from >= 0 && out.length < SCRIPT_EXPRESSIONS_CAP) {
    let quoted = false;
    let close = -1;
    for (let j = from + 3; j < script.length - 1; j++) {
      const c = script.charAt(j);
      if (c === "'") quoted = !quoted;
      else if (!quoted && c === "}" && script.charAt(j + 1) === "}") {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    out.push({ start: from, end: close + 2, expression: script.slice(from + 3, close).trim() });
    from = script.indexOf("${{", close + 2);
  }
  return out;
}
var SCRIPT_EXPRESSIONS = /* @__PURE__ */ new WeakMap();
function scriptExpressionsOf(run) {
  let expressions = SCRIPT_EXPRESSIONS.get(run);
  if (expressions === void 0) {
    expressions = scriptExpressions(run.script);
    SCRIPT_EXPRESSIONS.set(run, expressions);
  }
  return expressions;
}
function scriptText(value) {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return void 0;
}
function evaluatedScript(run, contexts) {
  const { script } = run;
  const expressions = scriptExpressionsOf(run);
  if (expressions.length === 0) return void 0;
  let out = "";
  let at = 0;
  let changed = false;
  for (const e of expressions) {
    const result = e.expression.includes("\n") ? void 0 : rememberedOver(
      e,
      () => expressionReadKeys(e.expression),
      contexts,
      () => evaluateExpression(e.expression, contexts)
    );
    const text = result?.kind === "known" ? scriptText(result.value) : void 0;
    out += script.slice(at, e.start);
    if (text === void 0 || text.includes("\n")) out += script.slice(e.start, e.end);
    else {
      out += text;
      changed = true;
    }
    at = e.end;
  }
  return changed ? out + script.slice(at) : void 0;
}
function knownEnvironment(env) {
  if (env === null || env === void 0 || typeof env !== "object" || env instanceof Unknown || Array.isArray(env)) {
    return {};
  }
  const known = KNOWN_ENVIRONMENTS.get(env);
  if (known !== void 0) return known;
  const out = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === "string") out[k] = v;
  KNOWN_ENVIRONMENTS.set(env, out);
  return out;
}
var KNOWN_ENVIRONMENTS = /* @__PURE__ */ new WeakMap();
function readStep(file, t, contexts, via) {
  const shape = shapeOf(file, t);
  const env = evaluateMap(file, shape.envToken, contexts);
  const stepContexts = layerEnv(file, shape.envToken, contexts, env);
  const run = shape.fixed.run;
  const evaluated = run === void 0 ? void 0 : evaluatedScript(run, stepContexts);
  return {
    index: 0,
    ...shape.fixed,
    ...run && evaluated !== void 0 ? { run: { ...run, evaluated } } : {},
    environment: knownEnvironment(stepContexts.env),
    ...shape.usesToken ? { uses: evaluateToken(file, shape.usesToken, stepContexts) } : {},
    with: evaluateMap(file, shape.withToken, stepContexts),
    env,
    runs: decide(shape.condition, stepContexts),
    via
  };
}
function actionContexts(actionFile, root, step, contexts) {
  const inputs = compositeInputs(actionFile, readInputs(actionFile, root), step.with, contexts);
  return { ...layerEnv(actionFile, void 0, contexts), inputs: open("inputs", inputs) };
}
function expandStep(file, t, contexts, via, scope) {
  const reads = () => stepReads(scope.loaded, file, t);
  return remembered2(scope, t, via, reads, contexts, () => expandFresh2(file, t, contexts, via, scope));
}
function expandFresh2(file, t, contexts, via, scope) {
  if (!takeStep(scope, positionOf(file, t))) return [];
  const step = readStep(file, t, contexts, via);
  const uses = step.uses?.kind === "known" ? String(step.uses.value) : void 0;
  const action = uses === void 0 ? void 0 : localAction(scope.loaded, file, uses);
  const unread = uses === void 0 || action !== void 0 ? void 0 : unreadAction(scope.loaded, file, uses);
  if (unread !== void 0) return [{ ...step, unexpanded: "not-read", unread }];
  if (uses === void 0 || action === void 0) return [step];
  const actionFile = action.file;
  const runs = child(action.root, "runs");
  if (stringOf(child(runs, "using"))?.toLowerCase() !== "composite") return [step];
  const position = step.uses?.position ?? step.position;
  if (via.some((v) => v.file === actionFile)) {
    scope.errors.push({
      code: "cycle",
      message: `${uses} uses itself through ${via.map((v) => v.uses).join(" -> ")}`,
      position
    });
    return [{ ...step, unexpanded: "cycle" }];
  }
  if (via.length >= scope.actionDepth) {
    scope.errors.push({
      code: "too-deep",
      message: `${uses}: composite actions nested deeper than ${scope.actionDepth} levels`,
      position
    });
    return [{ ...step, unexpanded: "too-deep" }];
  }
  const inner = actionContexts(actionFile, action.root, step, contexts);
  const chain = [...via, { uses, file: actionFile, position }];
  const expanded = items(child(runs, "steps")).flatMap((s) => expandStep(actionFile, s, inner, chain, scope));
  return expanded.map((s) => ({ ...s, runs: both(step.runs, s.runs) }));
}
function credentialOf(step, order) {
  let use = CREDENTIALS.get(step);
  if (use === void 0) {
    use = credentialFresh(step) ?? null;
    CREDENTIALS.set(step, use);
  }
  if (use === null) return void 0;
  return use.kind === "configure-aws-credentials" && use.order !== order ? { ...use, order } : use;
}
var CREDENTIALS = /* @__PURE__ */ new WeakMap();
function credentialFresh(step) {
  if (isConfigureAwsCredentials(step)) {
    const settings = awsSettings(step.with);
    const chaining = settings.roleChaining;
    const chains = chaining?.kind === "known" && String(chaining.value).toLowerCase() === "true";
    return { kind: "configure-aws-credentials", settings, order: 0, chains };
  }
  return detectOidcRequest(step);
}
function readSteps(file, steps, contexts, scope) {
  const reads = () => {
    const out = [];
    for (const t of items(steps)) {
      const own = stepReads(scope.loaded, file, t);
      if (own === void 0) return void 0;
      for (const path of own) out.push(path);
    }
    return out;
  };
  return remembered2(scope, steps, [], reads, contexts, () => {
    const expanded = untilUnread(items(steps).flatMap((t) => expandStep(file, t, contexts, [], scope)));
    let order = 0;
    return expanded.map((step, index) => {
      const made = numbered(step, index, order, scope.memo !== void 0);
      if (made.credential) order += 1;
      return made;
    });
  });
}
function untilUnread(steps) {
  const at = steps.findIndex((s) => s.unexpanded === "not-read" && s.runs.kind !== "never");
  if (at < 0) return steps;
  const unread = steps[at];
  const checkout = unread.unread?.kind === "not-found" ? checkoutOf(steps.slice(0, at), unread) : void 0;
  if (checkout === void 0) return steps.slice(0, at + 1);
  return [...steps.slice(0, at), { ...unread, unread: fromCheckout(checkout) }];
}
var CHECKOUT = /^actions\/checkout(?:@|$)/i;
function checkoutOf(before, step) {
  const uses = step.uses?.kind === "known" ? String(step.uses.value) : "";
  const resolved = resolveLocal(uses.trim());
  if ("error" in resolved) return void 0;
  for (const s of [...before].reverse()) {
    if (s.runs.kind === "never" || s.uses?.kind !== "known" || !CHECKOUT.test(String(s.uses.value).trim())) continue;
    const lower = new Map(Object.entries(s.with).map(([k, v]) => [k.toLowerCase(), v]));
    const text = (name) => {
      const v = lower.get(name);
      const t = v === void 0 ? "" : v.kind === "known" ? String(v.value ?? "") : v.expression;
      return t.trim() === "" ? void 0 : t.trim();
    };
    const pathValue = lower.get("path");
    const path = pathValue === void 0 || pathValue.kind === "known" && String(pathValue.value ?? "").trim() === "" ? "" : pathValue.kind === "known" ? workspaceDir(String(pathValue.value)) : void 0;
    const repository = text("repository");
    const ref = text("ref");
    const into = path === void 0 || (path === "" ? repository !== void 0 || ref !== void 0 : resolved.path === path || resolved.path.startsWith(`${path}/`));
    if (into)
      return {
        ...path !== void 0 ? { path } : {},
        ...repository !== void 0 ? { repository } : {},
        ...ref !== void 0 ? { ref } : {},
        position: pathValue?.position ?? s.uses.position
      };
  }
  return void 0;
}
function workspaceDir(path) {
  const resolved = resolveLocal(`./${path.trim().replace(/^\.\//, "")}`);
  return "path" in resolved ? resolved.path : path.trim();
}
function fromCheckout(checkout) {
  const into = checkout.path === void 0 ? "a path not known before the run" : checkout.path === "" ? "the workspace" : `\`${checkout.path}\``;
  const what = `${checkout.repository === void 0 ? "this repository" : `\`${checkout.repository}\``}${checkout.ref === void 0 ? "" : ` at ref \`${checkout.ref}\``}`;
  const at = `${checkout.position.file}:${checkout.position.line}`;
  return {
    kind: "checked-out",
    reason: `the action comes from the checkout into ${into} (${at}: ${what}), which the preflight does not read`,
    checkout
  };
}
var NUMBERED = /* @__PURE__ */ new WeakMap();
function numbered(step, index, order, remember) {
  const known = remember ? NUMBERED.get(step) : void 0;
  if (known !== void 0 && known.index === index && known.order === order) return known.made;
  const credential = credentialOf(step, order);
  const made = { ...step, index, ...credential ? { credential } : {} };
  if (remember) NUMBERED.set(step, { index, order, made });
  return made;
}

// src/workflows/jobs.ts
function fileContexts(state, parsed, github, inputs) {
  const base = { ...UNKNOWN_CONTEXTS, github, inputs, vars: varsContext(state.facts), env: open("env") };
  return layerEnv(parsed.path, child(parsed.root, "env"), base);
}
function topGithub(state, trigger, inputs, parsed) {
  const github = githubContext(trigger, inputs, state.facts);
  if (parsed === void 0 || trigger.event === "workflow_call" || github === null || typeof github !== "object")
    return github;
  const name = stringOf(child(parsed.root, "name"));
  return { ...github, workflow: name ?? parsed.path };
}
function accumulator(state, parsed, id, token) {
  const key = `${parsed.path}#${id}`;
  const known = state.jobs.get(key);
  if (known) return known;
  const file = parsed.path;
  const condition = conditionOf(file, child(token, "if"));
  const permissions = rawValue(file, child(token, "permissions"));
  const workflowPermissions = rawValue(file, child(parsed.root, "permissions"));
  const name = stringOf(child(token, "name"));
  const envToken = child(token, "env");
  const env = envToken ? evaluateMap(file, envToken, fileContexts(state, parsed, open("github"), open("inputs"))) : void 0;
  const created = {
    job: {
      file,
      id,
      ...name !== void 0 ? { name } : {},
      needs: stringList(child(token, "needs")),
      ...condition ? { if: condition } : {},
      ...permissions ? { permissions } : {},
      ...workflowPermissions ? { workflowPermissions } : {},
      ...env ? { env } : {},
      position: positionOf(file, token)
    },
    instances: [],
    count: 0,
    deploy: false,
    probed: false
  };
  state.jobs.set(key, created);
  return created;
}
function environmentOf(file, t, contexts, urlContexts) {
  if (t === void 0) return void 0;
  const position = positionOf(file, t);
  if (isMappingToken(t)) {
    const nameToken = child(t, "name");
    const url = child(t, "url");
    if (nameToken === void 0) return void 0;
    const name = evaluateToken(file, nameToken, contexts);
    return { name, ...url ? { url: evaluateToken(file, url, urlContexts(name)) } : {}, position };
  }
  return { name: evaluateToken(file, t, contexts), position };
}
function jobContextsOf(scope, contexts, name) {
  const { state, parsed, token, run } = scope;
  const value = name === void 0 ? void 0 : asContextValue(name);
  const environment = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  const vars = name === void 0 ? contexts.vars : varsContext(state.facts, environment ?? null);
  const secrets = run.inheritsSecrets ? secretsContext(state.facts, name === void 0 ? void 0 : environment ?? null) : run.passedSecrets === void 0 ? contexts.secrets : name === void 0 ? run.passedSecrets : (
    // In a job with an environment, a secret that environment declares takes the place of the passed one.
    secretsContext(state.facts, environment ?? null)
  );
  const jobContexts = { ...contexts, vars: vars ?? open("vars"), secrets: secrets ?? open("secrets") };
  const workflowEnv = child(parsed.root, "env");
  const base = workflowEnv !== void 0 && readsJobListings(workflowEnv) && (jobContexts.vars !== contexts.vars || jobContexts.secrets !== contexts.secrets) ? layerEnv(parsed.path, workflowEnv, { ...jobContexts, env: open("env") }) : jobContexts;
  return layerEnv(parsed.path, child(token, "env"), base);
}
var READS_LISTINGS = /* @__PURE__ */ new WeakMap();
function readsJobListings(env) {
  let reads = READS_LISTINGS.get(env);
  if (reads === void 0) {
    reads = tokenReads(env).some(([name]) => /^(secrets|vars)$/i.test(name));
    READS_LISTINGS.set(env, reads);
  }
  return reads;
}
function addFileJobs(state, parsed, run, contexts) {
  if (parsed.errors.length > 0 || state.refused?.has(parsed.path)) return;
  for (const [id, token] of entries(child(parsed.root, "jobs"))) addJob(state, parsed, id, token, run, contexts);
}
function addJob(state, parsed, id, token, run, runContexts) {
  const acc = accumulator(state, parsed, id, token);
  const github = run.callers.length === 0 ? withJobId(runContexts.github, id) : void 0;
  const contexts = github === void 0 ? runContexts : { ...runContexts, github };
  const runs = both(run.runs, decide(acc.job.if, contexts));
  const limit = state.limits.instancesPerJob;
  const matrix = expandMatrix(child(child(token, "strategy"), "matrix"), contexts, limit);
  if (matrix.kind === "too-many") acc.count += matrix.count;
  const rows = matrix.kind === "rows" ? matrix.rows.map((row) => ({ row, unknown: void 0 })) : [
    {
      row: open("matrix"),
      unknown: matrix.kind === "unknown" ? { expression: matrix.expression, reason: matrix.reason } : void 0
    }
  ];
  for (const { row, unknown } of rows) {
    if (matrix.kind !== "too-many") acc.count += 1;
    const over = acc.count > limit || matrix.kind === "too-many";
    if (over) {
      if (acc.probed) continue;
      acc.probed = true;
    }
    const rowContexts = { ...contexts, matrix: row };
    const built = buildInstance({ state, parsed, id, token, run, contexts: rowContexts, runs });
    const withUnknown = (i) => unknown ? { ...i, matrixUnknown: unknown } : i;
    if ("readSteps" in built) {
      state.pending.push({ acc, keep: !over, instance: withUnknown(built.instance), readSteps: built.readSteps });
    } else if (!over) acc.instances.push(withUnknown(built));
  }
}
var WITH_JOB = /* @__PURE__ */ new WeakMap();
function withJobId(github, id) {
  if (github === null || typeof github !== "object" || Array.isArray(github) || github instanceof Unknown)
    return void 0;
  let byId = WITH_JOB.get(github);
  if (byId === void 0) {
    byId = /* @__PURE__ */ new Map();
    WITH_JOB.set(github, byId);
  }
  let made = byId.get(id);
  if (made === void 0) {
    made = { ...github, job: id };
    byId.set(id, made);
  }
  return made;
}
function readPendingSteps(state) {
  const limit = state.limits.instancesPerJob;
  for (const { acc, keep, instance, readSteps: readSteps2 } of state.pending) {
    const within = acc.count <= limit;
    if (!within && acc.deploy) continue;
    const steps = readSteps2();
    const unread = instance.runs.kind === "never" ? void 0 : steps.find((s) => s.unexpanded === "not-read" && s.runs.kind !== "never");
    if (unread !== void 0 && acc.stepsUnread === void 0) {
      const uses = unread.uses?.kind === "known" ? String(unread.uses.value) : "";
      const why = unread.unread ?? { kind: "not-read", reason: `${uses} is not read` };
      acc.stepsUnread = { ...why, uses, position: unread.uses?.position ?? unread.position, via: unread.via };
    }
    const credentialSteps = steps.filter((s) => s.credential !== void 0);
    acc.deploy ||= credentialSteps.length > 0;
    if (within && keep) acc.instances.push({ ...instance, steps, credentialSteps });
  }
  state.pending.length = 0;
}
function buildInstance(scope) {
  const { state, parsed, token, run, contexts, runs } = scope;
  const file = parsed.path;
  const inputs = plainAssignment(contexts.inputs ?? {});
  const matrix = contexts.matrix && typeof contexts.matrix === "object" ? { ...contexts.matrix } : {};
  const trigger = run.callers.length > 0 ? { ...run.trigger, callers: run.callers } : run.trigger;
  const base = { trigger, workflow: run.workflow, matrix, inputs, runs };
  const uses = stringOf(child(token, "uses"));
  if (uses !== void 0) {
    callReusable(scope, uses);
    return { ...base, steps: [], credentialSteps: [] };
  }
  const environmentToken = child(token, "environment");
  const withName = (name) => jobContextsOf(scope, contexts, name);
  const environment = environmentOf(file, environmentToken, contexts, withName);
  const jobContexts = jobContextsOf(scope, contexts, environment?.name);
  const shell = defaultShell(file, token, parsed.root, jobContexts);
  const readJobSteps = () => withDefaultShell(
    readSteps(file, child(token, "steps"), jobContexts, {
      loaded: state.loaded,
      actionDepth: state.limits.actionDepth,
      errors: state.errors,
      budget: state.budget,
      perInstance: { left: state.limits.stepsPerInstance, limit: state.limits.stepsPerInstance, reported: false },
      ...state.memo ? { memo: state.memo } : {},
      tally: { taken: 0, refused: 0 }
    }),
    shell
  );
  return { instance: { ...base, ...environment ? { environment } : {} }, readSteps: readJobSteps };
}
function defaultShell(file, job, root, contexts) {
  const jobShell = child(child(child(job, "defaults"), "run"), "shell");
  const t = jobShell ?? child(child(child(root, "defaults"), "run"), "shell");
  if (t === void 0) return runnerShell(file, child(job, "runs-on"), contexts);
  const value = evaluateToken(file, t, jobShell ? contexts : {});
  const text = value.kind === "known" ? String(value.value ?? "") : value.expression;
  return text.trim() === "" ? void 0 : text;
}
function runnerShell(file, runsOn, contexts) {
  if (runsOn === void 0) return void 0;
  const tokens = isMappingToken(runsOn) ? [child(runsOn, "labels")].flatMap((l) => isSequenceToken(l) ? items(l) : l === void 0 ? [] : [l]) : isSequenceToken(runsOn) ? items(runsOn) : [runsOn];
  const labels = [];
  for (const token of tokens) {
    const value = evaluateToken(file, token, contexts);
    if (value.kind !== "known" || typeof value.value !== "string") {
      return `the default shell of a runner that may run Windows (runs-on: ${value.expression ?? "a value not read"})`;
    }
    labels.push(value.value.trim().toLowerCase());
  }
  const windows = labels.some((l) => WINDOWS_LABEL.test(l));
  const other = labels.some((l) => OTHER_SYSTEM_LABEL.test(l));
  if (windows && !other) return "pwsh";
  if (other && !windows) return void 0;
  const named = labels.join(", ") || (isMappingToken(runsOn) ? "a runner group" : "no label");
  return `the default shell of a runner that may run Windows (runs-on: ${named})`;
}
var systemLabel = (systems) => new RegExp(`(?:^|[-_.])(?:${systems})(?:$|[-_.0-9])`);
var WINDOWS_LABEL = systemLabel("windows");
var OTHER_SYSTEM_LABEL = systemLabel("ubuntu|linux|macos|debian|centos|rhel|fedora|alpine|amazonlinux");
var WITH_SHELL = /* @__PURE__ */ new WeakMap();
function withDefaultShell(steps, shell) {
  if (shell === void 0) return steps;
  return steps.map((step) => {
    if (step.run === void 0 || step.run.shell !== void 0 || step.via.length > 0) return step;
    const known = WITH_SHELL.get(step);
    if (known?.shell === shell) return known.step;
    const made = { ...step, run: { ...step.run, shell } };
    WITH_SHELL.set(step, { shell, step: made });
    return made;
  });
}
function calledTarget(loaded, from, uses) {
  if (uses.startsWith("./") && !loaded.remote.has(from)) {
    const resolved = resolveLocal(uses);
    return { remote: false, ..."path" in resolved ? { file: resolved.path } : {} };
  }
  const target = calledRemote(loaded.remote, from, uses);
  if (target === void 0) {
    if (uses.startsWith("./")) return { remote: true, why: `'${uses}' names no workflow file of that repository` };
    const parsed = parseRemoteUses(uses);
    return { remote: true, ..."error" in parsed ? { why: parsed.error } : {} };
  }
  const key = remoteKey(target);
  const why = loaded.remoteFailures.get(key);
  return { remote: true, ...loaded.files.has(key) ? { file: key } : {}, ...why ? { why } : {} };
}
function callReusable(scope, uses) {
  const { state, parsed, id, token, contexts } = scope;
  const usesToken = child(token, "uses");
  const position = positionOf(parsed.path, usesToken);
  const withValues = evaluateMap(parsed.path, child(token, "with"), contexts);
  const acc = state.jobs.get(`${parsed.path}#${id}`);
  const target = calledTarget(state.loaded, parsed.path, uses);
  const calledFile = target.file;
  const reach = target.remote && calledFile === void 0 ? credentialsGiven(parsed.path, token, parsed.root) : void 0;
  const notRead = `${uses} is not read${target.why ? ` (${target.why})` : ""}`;
  if (acc && !acc.job.calls) {
    const harmless = reach === "" ? { unreadHarmless: `${notRead}, and the job gives it neither id-token: write nor secrets` } : {};
    acc.job = {
      ...acc.job,
      calls: { uses, ...calledFile ? { file: calledFile } : {}, with: withValues, position, ...harmless }
    };
  }
  if (reach !== void 0) {
    if (reach !== "") {
      const message = `${uses}: a reusable workflow of another repository is not read${target.why ? ` (${target.why})` : ""}, and the job lets it ${reach}`;
      state.errors.push({ code: "unsupported", message, position });
    }
    return;
  }
  const called = calledFile ? state.loaded.files.get(calledFile) : void 0;
  if (!called || !calledFile) return;
  runCalled(scope, called, withValues, position);
}
function runCalled(scope, called, withValues, position) {
  const { state, parsed, id, token, run, runs } = scope;
  const calledFile = called.path;
  const uses = stringOf(child(token, "uses")) ?? calledFile;
  const chain = [...run.callers, { file: parsed.path, jobId: id, position }];
  if (calledFile === run.workflow || chain.some((c) => c.file === calledFile)) {
    state.errors.push({
      code: "cycle",
      message: `${uses} calls a workflow already in the chain: ${chain.map((c) => `${c.file}#${c.jobId}`).join(" -> ")}`,
      position
    });
    return;
  }
  if (chain.length > state.limits.callDepth) {
    state.errors.push({
      code: "too-deep",
      message: `${uses}: more than ${state.limits.callDepth + 1} levels of workflows`,
      position
    });
    return;
  }
  const inputs = callInputs(state, called, withValues, run.github);
  const calledContexts = fileContexts(state, called, run.github, inputs);
  const inherits = run.inheritsSecrets && stringOf(child(token, "secrets"))?.trim() === "inherit" && inheritReaches(state, calledFile);
  const passed = inherits ? void 0 : passedSecrets(state, parsed.path, token, run, scope.contexts);
  const { passedSecrets: _caller, ...rest } = run;
  addFileJobs(
    state,
    called,
    { ...rest, callers: chain, runs, inheritsSecrets: inherits, ...passed ? { passedSecrets: passed } : {} },
    passed ? { ...calledContexts, secrets: passed } : calledContexts
  );
}
function passedSecrets(state, file, token, run, contexts) {
  const mapping = child(token, "secrets");
  if (mapping === void 0 || !isMappingToken(mapping)) return void 0;
  const own = run.inheritsSecrets ? secretsContext(state.facts, void 0) : run.passedSecrets ?? contexts.secrets;
  const values = evaluateMap(file, mapping, { ...contexts, secrets: own ?? open("secrets") });
  return open("secrets", Object.fromEntries(Object.entries(values).map(([k, v]) => [k, asContextValue(v)])));
}
function inheritReaches(state, calledFile) {
  const remote = state.loaded.remote.get(calledFile);
  if (remote === void 0) return true;
  const owner = state.facts.repository?.split("/")[0];
  return owner !== void 0 && owner.toLowerCase() === remote.owner.toLowerCase();
}
function credentialsGiven(file, job, root) {
  const block = permissionsBlock(rawValue(file, child(job, "permissions") ?? child(root, "permissions")), "job");
  const idToken = block !== void 0 && grantOfBlock(block.value)["id-token"].most === "write";
  const given = [
    ...idToken ? ["request GitHub's OIDC token (id-token: write)"] : [],
    ...child(job, "secrets") !== void 0 ? ["use the secrets it passes"] : []
  ];
  return given.join(" and ");
}
function callInputs(state, called, withValues, github) {
  const defs = readInputs(called.path, child(child(called.root, "on"), "workflow_call"));
  const defaultContexts = fileContexts(state, called, github, {});
  const inputs = assignInputs(called.path, defs, withValues, defaultContexts);
  return inputs;
}

// src/workflows/read.ts
var FORK_CONDITION = /head\s*\.\s*repo\s*\.\s*(?:fork|full_name)/;
function calledFiles(loaded) {
  const called = /* @__PURE__ */ new Set();
  for (const parsed of loaded.files.values()) {
    if (loaded.remote.has(parsed.path)) continue;
    for (const [, job] of entries(child(parsed.root, "jobs"))) {
      const uses = stringOf(child(job, "uses"));
      const resolved = uses?.startsWith("./") ? resolveLocal(uses) : void 0;
      if (resolved && "path" in resolved) called.add(resolved.path);
    }
  }
  return called;
}
function refusedWorkflows(loaded) {
  const refused = /* @__PURE__ */ new Map();
  const local = [...loaded.files.values()].filter((f) => f.kind === "workflow" && !loaded.remote.has(f.path));
  for (let changed = true; changed; ) {
    changed = false;
    for (const parsed of local) {
      if (refused.has(parsed.path)) continue;
      const jobs = entries(child(parsed.root, "jobs"));
      for (const [jobId, job] of jobs) {
        const uses = stringOf(child(job, "uses"));
        const resolved = uses?.startsWith("./") ? resolveLocal(uses) : void 0;
        if (uses === void 0 || resolved === void 0 || "error" in resolved) continue;
        const called = loaded.files.get(resolved.path);
        const inTurn = refused.get(resolved.path);
        const reason = loaded.missingWorkflows.has(resolved.path) ? `${resolved.path} is not found in the repository as read` : called && called.errors.length > 0 ? `GitHub's parser refuses ${resolved.path} (${called.errors[0]?.message ?? "an error"})` : inTurn ? `GitHub refuses ${resolved.path} in turn: its job \`${inTurn.jobId}\` calls ${inTurn.uses}, and ${inTurn.reason}` : void 0;
        if (reason === void 0) continue;
        const position = positionOf(parsed.path, child(job, "uses"));
        const jobIds = jobs.map(([id]) => id);
        refused.set(parsed.path, { file: parsed.path, jobIds, jobId, uses, reason, position });
        changed = true;
        break;
      }
    }
  }
  return refused;
}
function runWorkflow(state, parsed, triggers, calledHere) {
  const { inputs } = readTriggers(parsed.path, parsed.root, parsed.events, false);
  for (const trigger of triggers) {
    if (trigger.event === "workflow_call" && calledHere) continue;
    const defs = inputs.get(trigger.eventName) ?? [];
    const source = trigger.event === "workflow_call" ? "from a caller outside the workflows read" : "typed when dispatched";
    const enumerable = trigger.event === "workflow_dispatch" || trigger.event === "workflow_call";
    const { assignments } = enumerable ? enumerateInputs(defs, parsed.text, state.limits.instancesPerJob, source) : { assignments: [{}] };
    for (const assignment of assignments) {
      const github = topGithub(state, trigger, assignment, parsed);
      const run = {
        trigger,
        workflow: parsed.path,
        github,
        callers: [],
        runs: { kind: "always" },
        inheritsSecrets: true
      };
      const contexts = fileContexts(state, parsed, github, assignment);
      addFileJobs(state, parsed, run, contexts);
    }
  }
}
function fileRecord(parsed, triggers, state) {
  const name = stringOf(child(parsed.root, "name"));
  const permissions = rawValue(parsed.path, child(parsed.root, "permissions"));
  const contexts = fileContexts(state, parsed, open("github"), open("inputs"));
  return {
    path: parsed.path,
    ...name !== void 0 ? { name } : {},
    triggers,
    ...permissions ? { permissions } : {},
    env: evaluateMap(parsed.path, child(parsed.root, "env"), contexts),
    jobIds: entries(child(parsed.root, "jobs")).map(([id]) => id),
    reusableOnly: triggers.length > 0 && triggers.every((t) => t.event === "workflow_call")
  };
}
async function buildModel(options) {
  const limits = limitsWith(options.limits);
  const loaded = await loadFiles(options.workflowPaths, options.read, limits, options.readRemote, options.now);
  const facts = {
    ...options.repository ? { repository: options.repository } : {},
    ...options.repositoryId ? { repositoryId: options.repositoryId } : {},
    ...options.repositoryOwnerId ? { repositoryOwnerId: options.repositoryOwnerId } : {},
    ...options.defaultBranch ? { defaultBranch: options.defaultBranch } : {},
    ...options.vars ? { vars: options.vars } : {},
    ...options.secrets ? { secrets: options.secrets } : {}
  };
  const remember = options.remember !== false;
  const state = {
    loaded,
    limits,
    facts,
    errors: [...loaded.errors],
    jobs: /* @__PURE__ */ new Map(),
    budget: { steps: limits.steps },
    ...remember ? { memo: /* @__PURE__ */ new Map() } : {},
    pending: [],
    refused: refusedWorkflows(loaded)
  };
  const called = calledFiles(loaded);
  const splitFork = [...loaded.files.values()].some((f) => FORK_CONDITION.test(f.text));
  const files = [];
  withRemembering(remember, () => {
    for (const path of options.workflowPaths) {
      const parsed = loaded.files.get(path);
      if (!parsed || parsed.root === void 0) continue;
      const { triggers } = readTriggers(path, parsed.root, parsed.events, splitFork);
      files.push(fileRecord(parsed, triggers, state));
      runWorkflow(state, parsed, triggers, called.has(path));
    }
    readPendingSteps(state);
  });
  const jobs = [...state.jobs.values()].map((acc) => {
    const tooMany = acc.count > limits.instancesPerJob;
    const unread = acc.stepsUnread;
    return {
      ...acc.job,
      deploy: acc.deploy,
      instances: tooMany || unread ? [] : acc.instances,
      ...tooMany ? { tooMany: { count: acc.count, limit: limits.instancesPerJob } } : {},
      ...unread ? { stepsUnread: unread } : {}
    };
  });
  const refused = [...state.refused?.values() ?? []];
  return { files, jobs, errors: dedupeErrors(state.errors), ...refused.length > 0 ? { refused } : {} };
}
export {
  buildModel
};
