/**
 * Module boundaries: {@link dev.apigw.tests.modules.ModuleBoundaryTest} checks, on the compiled
 * classes of the reactor, that no library module and no sample uses a package that another library
 * module does not export to it.
 */
package dev.apigw.tests.modules;
