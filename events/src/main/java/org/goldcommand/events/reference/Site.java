package org.goldcommand.events.reference;

/**
 * A physical site: a hospital with an emergency department, or a vaccination site.
 *
 * @param code ODS site code
 * @param name site name
 * @param type what the site is
 * @param latitude WGS84 latitude, for travel-time limits in mutual aid
 * @param longitude WGS84 longitude
 * @param gaCoreBeds core general and acute beds (0 where none)
 * @param criticalCareBeds adult critical care beds (0 where none)
 * @param emergencyDepartment whether it has a type 1 A&amp;E
 */
public record Site(
    String code,
    String name,
    SiteType type,
    double latitude,
    double longitude,
    int gaCoreBeds,
    int criticalCareBeds,
    boolean emergencyDepartment) {}
