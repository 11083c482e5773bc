// Word pools for names, streets, cities and remarks: enough variety that rows look real.

export const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Wei', 'Priya', 'Ahmed',
  'Olga', 'Hiroshi', 'Fatima', 'Diego', 'Chloe', 'Noah', 'Amara', 'Liam', 'Sofia', 'Mateo', 'Aisha', 'Ethan', 'Mia'];
export const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Nguyen', 'Patel', 'Kim', 'Cohen', "O'Brien"];
export const STREETS = ['Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main', 'Walnut', 'Sunset',
  'Highland', 'Ridge', 'Willow', 'Meadow', 'Forest', 'River', 'Spring', 'Church', 'Mill', 'Lincoln', 'Jefferson', 'Madison',
  'Birch', 'Cherry', 'Chestnut', 'Prairie', 'Vista', 'Harbor', 'Aspen', 'Juniper', 'Magnolia', 'Dogwood', 'Sycamore', 'Laurel'];
export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Ct', 'Blvd', 'Way', 'Pl', 'Cir', 'Ter', 'Pkwy'];
export const CITIES: readonly (readonly [string, string, string])[] = [
  // name, county, zip prefix
  ['Riverton', 'Lake', '600'], ['Brookfield', 'Lake', '601'], ['Fairview', 'Cook', '602'], ['Oak Grove', 'Cook', '603'],
  ['Millbrook', 'DuPage', '604'], ['Cedar Falls', 'DuPage', '605'], ['Springdale', 'Will', '606'], ['Lakeside', 'Lake', '607'],
  ['Westfield', 'Kane', '608'], ['Hillcrest', 'Kane', '609'], ['Maplewood', 'Cook', '610'], ['Greenville', 'Will', '611'],
  ['Ashland', 'McHenry', '612'], ['Bayview', 'Lake', '613'], ['Clearwater', 'Kendall', '614'], ['Pleasant Hill', 'DuPage', '615'],
  ['Stonebridge', 'Kane', '616'], ['Northbrook Park', 'Cook', '617'], ['Elmhurst Heights', 'DuPage', '618'], ['Summit', 'Will', '619'],
];
export const REMARK_OPENERS = ['Welcome home to this', 'Stunning', 'Charming', 'Beautifully updated', 'Move-in ready',
  'Rare opportunity to own this', 'Spacious', 'Sun-filled', 'Meticulously maintained', 'Priced to sell,'];
export const REMARK_SUBJECTS = ['brick ranch', 'two-story colonial', 'craftsman bungalow', 'split-level home', 'contemporary',
  'Cape Cod', 'townhome', 'corner-unit condo', 'Victorian', 'farmhouse'];
export const REMARK_FEATURES = ['an open floor plan', 'a chef\'s kitchen with quartz counters', 'hardwood floors throughout',
  'a finished basement', 'a private fenced yard', 'vaulted ceilings', 'a primary suite with walk-in closet', 'a three-season porch',
  'new windows and roof (2021)', 'stainless appliances', 'a two-car attached garage', 'a gas fireplace', 'custom built-ins',
  'a spa-like bath', 'mature trees', 'a deck perfect for entertaining'];
export const REMARK_CLOSERS = ['Close to schools, parks and shopping.', 'Minutes to the train and highway.',
  'Walk to downtown restaurants.', 'Showings start Saturday.', 'Sold as-is.', 'Don\'t miss it!', 'HOA covers snow and lawn.',
  'Seller offering a home warranty.', 'Great commuter location.', 'Quiet cul-de-sac setting.'];
export const OFFICE_WORDS = ['Realty', 'Properties', 'Real Estate', 'Homes', 'Group', 'Partners', 'Associates', 'Brokers'];
export const OFFICE_BRANDS = ['Keystone', 'Summit', 'Heritage', 'Blue Door', 'Prairie', 'Lakefront', 'Cornerstone', 'Landmark',
  'Gateway', 'Northstar', 'Evergreen', 'Harbor', 'Pinnacle', 'Hometown', 'Compass Rose', 'Redwood'];
